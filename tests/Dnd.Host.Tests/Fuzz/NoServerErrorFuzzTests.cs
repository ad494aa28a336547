using Xunit.Abstractions;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// "No 5xx for any input": every operation of the OpenAPI document, webhooks and unsubscribe links included, is
/// driven with valid, boundary and hostile requests; each must answer below 500, refuse with problem+json, and
/// change nothing when it refuses. DND_FUZZ_CASES and DND_FUZZ_SEED change the budget and the seed.
/// </summary>
public class NoServerErrorFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_request_gets_a_5xx_and_every_refusal_is_a_problem_that_changes_nothing()
    {
        var settings = FuzzSettings.FromEnvironment();
        var (failures, report) = await new FuzzRunner(settings, output.WriteLine).RunAsync();

        output.WriteLine(report);
        if (failures.Distinct > 0)
        {
            throw new Xunit.Sdk.XunitException(report);
        }
    }
}
