using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Webhooks;

/// <summary>A Twilio webhook request as <see cref="TwilioRequestReader"/> found it.</summary>
/// <param name="Fields">
/// Form fields, or for a JSON body the object's top-level properties (strings as-is, other values as raw JSON).
/// Repeated form fields are joined with commas, as twilio-csharp signs them. Empty when refused.
/// </param>
/// <param name="Rejected">The RFC 7807 problem to answer instead; null when the request is Twilio's and readable.</param>
public sealed record TwilioRequestRead(Dictionary<string, string> Fields, ProblemHttpResult? Rejected)
{
    public static TwilioRequestRead Refused(ProblemHttpResult problem) => new([], problem);
}
