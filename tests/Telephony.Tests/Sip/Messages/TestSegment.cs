using System.Buffers;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

/// <summary>Builds multi-segment sequences, as a pipe hands over data that arrived in several reads.</summary>
internal sealed class TestSegment : ReadOnlySequenceSegment<byte>
{
    private TestSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Sequence(params byte[][] chunks)
    {
        var first = new TestSegment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            var next = new TestSegment(chunk, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
