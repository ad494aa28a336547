using System.Reflection;
using Dnd.Host.Tests.Contract;
using Xunit.Sdk;

[assembly: ContractAudit]

namespace Dnd.Host.Tests.Contract;

/// <summary>
/// Around every test of the assembly: a test server the test disposes reports undeclared responses here, and the
/// test fails after it ran, keeping its own failure, if any, in view.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ContractAuditAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => ContractAudit.BeginTest();

    public override void After(MethodInfo methodUnderTest)
    {
        var failures = ContractAudit.EndTest();
        if (failures.Count > 0)
        {
            throw new XunitException(string.Join(Environment.NewLine, failures));
        }
    }
}
