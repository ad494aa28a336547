using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// One case: an operation from the OpenAPI document, an account to act as, and a request that is valid (about a
/// third, so state changes and later requests meet real data) or faulty in some part.
/// </summary>
public sealed class RequestGen(IReadOnlyList<ApiOperation> operations, ApiGen api)
{
    /// <summary>Webhooks and body-taking operations get more cases: they parse the most.</summary>
    private readonly (int, Gen<ApiOperation>)[] _weighted = operations
        .Select(o => (Families.Of(o.Route) is Family.Twilio or Family.Mailgun ? 3 : o.Bodies.Count > 0 ? 2 : 1, G.Const(o)))
        .ToArray();

    /// <summary>A planned single-fault case, acting as the home account with everything else valid.</summary>
    public Gen<FuzzRequest> Planned(int index, World world, SweepCase sweep) =>
        api.Sweep(sweep, new RequestContext(index, world, world.Home, new Dictionary<string, string>()));

    public Gen<FuzzRequest> Case(int index, World world) =>
        from op in G.Freq(_weighted)
        from valid in G.Chance(35)
        from acting in G.Freq((6, G.Const(world.Home)), (1, G.Const(world.Other)))
        let ctx = new RequestContext(index, world, acting, new Dictionary<string, string>())
        from request in For(op, ctx, fault: !valid)
        select request;

    private Gen<FuzzRequest> For(ApiOperation op, RequestContext ctx, bool fault) => Families.Of(op.Route) switch
    {
        Family.Twilio => TwilioGen.For(op, ctx, fault),
        Family.Mailgun => MailgunGen.For(op, ctx, fault),
        Family.Unsubscribe => UnsubscribeGen.For(op, ctx, fault),
        var family => api.For(op, ctx, fault, family),
    };
}
