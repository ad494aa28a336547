using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Telemetry;

/// <summary>Every line the server logs, at every level, with its exception's message and each of its scopes' values, as text.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new List<string> { category, formatter(state, exception), exception?.Message ?? "" };
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                line.AddRange(fields.Select(f => $"{f.Key}={f.Value}"));
            }
            capture._scopes.ForEachScope((scope, into) =>
            {
                into.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    into.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                }
            }, line);
            capture.Lines.Enqueue(string.Join(" | ", line));
        }
    }
}
