namespace Dnd.Host.Api.Reports;

/// <summary>
/// The account's contacts by DND now: per channel, and by aggregate as the API's dndAggregate says it (On: every
/// channel blocks, Partial: some do, Off: none does).
/// </summary>
public sealed record DndCounts(int Contacts, IReadOnlyList<ChannelCount> Channels, int On, int Partial, int Off);
