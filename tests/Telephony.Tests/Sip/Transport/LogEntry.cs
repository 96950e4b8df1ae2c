using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

/// <summary>One line a <see cref="RecordingLogger{T}"/> kept.</summary>
internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
