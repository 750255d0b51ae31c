using Microsoft.Extensions.Logging;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The analyzer's only log output: each entry at or above the minimum level as one line on stderr
/// (<c>warn: Category[event] message</c>, an exception on the same line, as the simple console logger writes it with
/// <c>SingleLine</c>), written when it is logged. No queue, no background thread and no options to bind: the
/// analyzer logs warnings only, so the console logger's machinery cost start-up time for nothing. It is Kestrel's logger
/// factory itself (no <c>LoggerFactory</c>, no filter options).
/// </summary>
internal sealed class StderrLoggerFactory(LogLevel minimumLevel) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, minimumLevel);

    public void AddProvider(ILoggerProvider provider)
    {
        // One destination only: stderr.
    }

    public void Dispose()
    {
    }

    private sealed class StderrLogger(string category, LogLevel minimumLevel) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var line = $"{Label(logLevel)}: {category}[{eventId.Id}] {message}{(exception is null ? "" : " " + exception)}".ReplaceLineEndings(" ");
            try
            {
                Console.Error.WriteLine(line);
            }
            catch (IOException)
            {
                // stderr is gone; nothing else can be told.
            }
        }

        private static string Label(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
