using Dnd.Shared.Telemetry;

namespace Dnd.Host.Tests.Telemetry;

public sealed class RedactTests
{
    [Theory]
    [InlineData("+15550100101", "+1555•••0101")]
    [InlineData("kim.lee@example.com", "k•••@example.com")]
    [InlineData("+1555", "•••")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Addresses_keep_only_enough_to_tell_them_apart(string? address, string masked) =>
        Redact.Address(address).Should().Be(masked);
}
