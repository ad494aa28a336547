using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>
/// Collects exceptions the server logs (the exception handler logs every unhandled one), so a 500 in the report
/// comes with its exception and stack, which the Testing environment keeps out of the response body.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, Exception Exception)> _errors = new();

    /// <summary>Everything logged since the last call.</summary>
    public List<(string Category, Exception Exception)> Drain()
    {
        var drained = new List<(string, Exception)>();
        while (_errors.TryDequeue(out var e))
        {
            drained.Add(e);
        }
        return drained;
    }

    /// <summary>Everything logged and not drained, left in place.</summary>
    public IReadOnlyList<(string Category, Exception Exception)> Snapshot() => _errors.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, Exception)> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                errors.Enqueue((category, exception));
            }
        }
    }
}
