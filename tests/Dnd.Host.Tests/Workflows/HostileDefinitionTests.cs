using System.Text;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Workflows;

/// <summary>
/// Definitions the fuzz suite found crashing the publish (500): nulls where the model requires values, durations
/// past TimeSpan's range, duplicate ids with connections. Each is refused as an invalid workflow instead.
/// </summary>
public class HostileDefinitionTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Theory]
    [InlineData("""{"id":"h","name":"h","activities":null}""", "at least one activity")]
    [InlineData("""{"id":"h","name":"h","activities":[null]}""", "activities[0] is null")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":null,"type":null,"properties":null}]}""", "id is required")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay","properties":{"duration":"60"}}],"connections":[null]}""", "connections[0] is null")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay","properties":{"duration":"60"}}],"connections":[{"source":null,"outcome":"Done","target":"a"}]}""", "source, outcome and target are required")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay","properties":{"duration":"1e300"}}]}""", "'1e300' is not a duration")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay","properties":{"duration":1e300}}]}""", "is not a duration")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay","properties":{"duration":"Infinity"}}]}""", "'Infinity' is not a duration")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay","properties":{"duration":"10675199.02:48:05.4775807"}}]}""", "is not a duration")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"WaitForReply","properties":{"timeout":"99999999.00:00:00"}}]}""", "is not a duration")]
    [InlineData("""{"id":"h","name":"h","activities":[{"id":"a","type":"Delay"},{"id":"a","type":"Delay"},{"id":"b","type":"Delay"}],"connections":[{"source":"a","outcome":"Done","target":"b"}]}""", "used more than once")]
    public async Task A_hostile_definition_is_an_invalid_workflow_not_a_server_error(string definition, string error)
    {
        var account = await TestAccount.CreateAsync(_app);

        var response = await account.Client.PutAsync("/workflows/h", new StringContent(definition, Encoding.UTF8, "application/json"));

        var problem = await Http.ProblemAsync(response, 422);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.Contains(error));
    }
}
