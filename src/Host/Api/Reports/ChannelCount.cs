namespace Dnd.Host.Api.Reports;

/// <summary>Contacts whose DND blocks one channel now: Active (a user may lift it) plus Permanent.</summary>
public sealed record ChannelCount(string Channel, int Blocked, int Active, int Permanent);
