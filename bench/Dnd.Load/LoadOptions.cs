namespace Dnd.Load;

/// <summary>Command line of bench/load.sh (also read from LOAD_* environment variables).</summary>
public sealed record LoadOptions
{
    public required string Root { get; init; }
    public int Seconds { get; init; } = 10;
    public bool Quick { get; init; }
    public bool Postgres { get; init; }
    public int Contacts { get; init; } = 100_000;
    public int Instances { get; init; } = 10_000;
    public int MaxRate { get; init; } = 20_000;
    public int WarmupSeconds { get; init; } = 2;
    public int FlowSeconds { get; init; } = 60;
    public int Delivery { get; init; } = 50_000;
    public string? Out { get; init; }
    public bool Keep { get; init; }
    public int Hosts { get; init; } = 1;

    public const string Usage = """
        usage: bench/load.sh [--quick] [--duration SECONDS] [--postgres] [--contacts N] [--instances N]
                             [--max-rate REQ_PER_S] [--flow-seconds N] [--delivery N] [--out FILE] [--keep] [--hosts 2]
          --duration   seconds per scenario (default 10; env LOAD_DURATION)
          --quick      smoke run: 3 s per scenario, 1 s warm-ups, 2,000 workflow instances
          --postgres   run against a throwaway local PostgreSQL instead of SQLite (figures, no targets)
          --contacts   contacts seeded (default 100,000; the search target is stated at 100,000)
          --instances  workflow instances per workflow scenario (default 10,000; env LOAD_INSTANCES)
          --max-rate   request files hold this many requests per second of duration (default 20,000; env LOAD_MAX_RATE)
          --flow-seconds  cap per workflow phase: enrolment, and waiting for the instances to end after the last is due
                       (default 60, quick 20; env LOAD_FLOW_SECONDS); past it the figures cover what was done, with a warning
          --delivery   SMS backlog the outbox delivers to the fake Twilio during the inbound webhook load (default 50,000,
                       quick 20,000; env LOAD_DELIVERY); one contact each in an account of its own, at most --contacts
          --out        markdown report (default bench/results/latest.md, latest-postgres.md with --postgres)
          --keep       keep the scratch folder (databases, request files, server logs)
          --hosts 2    with --postgres: the inbound webhook load also on two server processes sharing the database, its
                       throughput beside the one-host figure (env LOAD_HOSTS)
        LOAD_CHECK_SELFTEST=1 checks the checker: it expects a few ordinary SMS replies to have opted out, so the run
        must list those contacts as wrong and exit 1.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var env = (string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), out var v) && v > 0 ? v : fallback;
        var root = Environment.GetEnvironmentVariable("LOAD_ROOT") ?? Directory.GetCurrentDirectory();
        var quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("LOAD_QUICK") == "1";
        var o = new LoadOptions
        {
            Root = root,
            Quick = quick,
            Seconds = env("LOAD_DURATION", quick ? 3 : 10),
            Instances = env("LOAD_INSTANCES", quick ? 2_000 : 10_000),
            Contacts = env("LOAD_CONTACTS", 100_000),
            MaxRate = env("LOAD_MAX_RATE", 20_000),
            WarmupSeconds = quick ? 1 : 2,
            FlowSeconds = env("LOAD_FLOW_SECONDS", quick ? 20 : 60),
            Delivery = env("LOAD_DELIVERY", quick ? 20_000 : 50_000),
            Postgres = Environment.GetEnvironmentVariable("LOAD_POSTGRES") == "1",
            Hosts = env("LOAD_HOSTS", 1),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            int NextInt() => int.TryParse(Next(), out var v) && v > 0 ? v : throw new ArgumentException($"{args[i]} needs a positive number\n{Usage}");
            o = args[i] switch
            {
                "--quick" => o,
                "--duration" or "-d" => o with { Seconds = NextInt() },
                "--postgres" => o with { Postgres = true },
                "--contacts" => o with { Contacts = NextInt() },
                "--instances" => o with { Instances = NextInt() },
                "--max-rate" => o with { MaxRate = NextInt() },
                "--flow-seconds" => o with { FlowSeconds = NextInt() },
                "--delivery" => o with { Delivery = NextInt() },
                "--out" => o with { Out = Next() },
                "--keep" => o with { Keep = true },
                "--hosts" => o with { Hosts = NextInt() },
                "--root" => o with { Root = Next() },
                "-h" or "--help" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"unknown argument {args[i]}\n{Usage}"),
            };
        }
        if (o.Contacts < 20_000)
        {
            throw new ArgumentException("--contacts must be at least 20,000 (the scenarios use separate pools of contacts)");
        }
        if (o.Hosts is not (1 or 2) || o.Hosts == 2 && !o.Postgres)
        {
            throw new ArgumentException("--hosts is 1 or 2, and 2 needs --postgres (SQLite is one server process by design)");
        }
        if (o.Delivery > o.Contacts)
        {
            throw new ArgumentException("--delivery can be at most --contacts (one contact per message, seeded from the same addresses)");
        }
        return o;
    }

    public string OutFile => Out ?? Path.Combine(Root, "bench", "results", Postgres ? "latest-postgres.md" : "latest.md");
}
