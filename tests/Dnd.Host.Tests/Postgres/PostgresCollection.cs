using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Postgres;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
