using System.Buffers;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipStreamFramerTests
{
    private static readonly byte[] Invite = SipTestData.Read("invite-sipp.sip");
    private static readonly byte[] Register = SipTestData.Read("register-digest.sip");

    private readonly SipStreamFramer _framer = new();

    [Fact]
    public void Two_pipelined_messages_are_cut_apart()
    {
        var buffer = new ReadOnlySequence<byte>([.. Invite, .. Register]);

        var first = _framer.Read(buffer);
        Assert.Equal(SipFrameStatus.Message, first.Status);
        Assert.Equal(Invite, first.Message.ToArray());

        buffer = buffer.Slice(first.Consumed);
        var second = _framer.Read(buffer);
        Assert.Equal(SipFrameStatus.Message, second.Status);
        Assert.Equal(Register, second.Message.ToArray());
        Assert.True(buffer.Slice(second.Consumed).IsEmpty);
    }

    [Fact]
    public void Message_arriving_a_byte_at_a_time_is_framed_only_when_complete()
    {
        var chunks = Invite.Select(b => new[] { b }).ToArray();
        for (var count = 1; count < chunks.Length; count++)
        {
            var partial = TestSegment.Sequence(chunks[..count]);
            var frame = _framer.Read(partial);
            Assert.Equal(SipFrameStatus.NeedMoreData, frame.Status);
            Assert.Equal(partial.Start, frame.Consumed);
            Assert.Equal(partial.End, frame.Examined);
        }

        var whole = TestSegment.Sequence(chunks);
        var complete = _framer.Read(whole);

        Assert.Equal(SipFrameStatus.Message, complete.Status);
        Assert.Equal(Invite, complete.Message.ToArray());
        Assert.True(SipParser.TryParse(complete.Message, SipParserOptions.Default, out var message, out _));
        Assert.Equal(222, message.Body.Length);
    }

    [Fact]
    public void Double_crlf_ping_asks_for_a_pong()
    {
        var frame = _framer.Read(new ReadOnlySequence<byte>("\r\n\r\n"u8.ToArray()));

        Assert.Equal(SipFrameStatus.KeepAlive, frame.Status);
        Assert.True(frame.PongRequired);
    }

    [Fact]
    public void Single_crlf_waits_for_the_rest_of_a_possible_ping()
    {
        var buffer = new ReadOnlySequence<byte>("\r\n"u8.ToArray());

        var frame = _framer.Read(buffer);

        Assert.Equal(SipFrameStatus.NeedMoreData, frame.Status);
        Assert.Equal(buffer.Start, frame.Consumed);
    }

    [Fact]
    public void Keep_alives_before_a_message_are_skipped_then_the_message_is_framed()
    {
        var buffer = TestSegment.Sequence("\r\n\r\n"u8.ToArray(), Invite[..100], Invite[100..]);

        var keepAlive = _framer.Read(buffer);
        Assert.Equal(SipFrameStatus.KeepAlive, keepAlive.Status);
        Assert.True(keepAlive.PongRequired);

        buffer = buffer.Slice(keepAlive.Consumed);
        var message = _framer.Read(buffer);
        Assert.Equal(SipFrameStatus.Message, message.Status);
        Assert.Equal(Invite, message.Message.ToArray());
    }

    [Fact]
    public void Pong_between_messages_is_skipped_without_answer()
    {
        var buffer = new ReadOnlySequence<byte>([.. "\r\n"u8, .. Register]);

        var frame = _framer.Read(buffer);

        Assert.Equal(SipFrameStatus.KeepAlive, frame.Status);
        Assert.False(frame.PongRequired);
        Assert.Equal(SipFrameStatus.Message, _framer.Read(buffer.Slice(frame.Consumed)).Status);
    }

    [Fact]
    public void Message_without_content_length_cannot_be_framed_on_a_stream()
    {
        var text = Encoding.ASCII.GetString(Register).Replace("Content-Length: 0\r\n", string.Empty, StringComparison.Ordinal);

        var frame = _framer.Read(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)));

        Assert.Equal(SipFrameStatus.Error, frame.Status);
        Assert.Equal(SipParseErrorKind.InvalidContentLength, frame.Error!.Kind);
        Assert.Equal("Missing Content-Length on a stream transport", frame.Error.Reason);
    }

    [Fact]
    public void Compact_content_length_frames_the_body()
    {
        var data = SipTestData.Read("compact-forms.sip");

        var frame = _framer.Read(new ReadOnlySequence<byte>([.. data, .. "OPTIONS"u8]));

        Assert.Equal(SipFrameStatus.Message, frame.Status);
        Assert.Equal(data.Length, frame.Message.Length);
    }

    [Fact]
    public void Oversized_headers_or_body_are_refused()
    {
        var small = new SipStreamFramer(maxMessageSize: 300);

        var headers = small.Read(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nX: " + new string('y', 400))));
        var body = small.Read(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nContent-Length: 1000\r\n\r\n")));

        Assert.Equal(SipFrameStatus.Error, headers.Status);
        Assert.Equal(SipParseErrorKind.MessageTooLarge, headers.Error!.Kind);
        Assert.Equal(SipFrameStatus.Error, body.Status);
        Assert.Equal(SipParseErrorKind.MessageTooLarge, body.Error!.Kind);
    }

    [Fact]
    public void Bad_content_length_is_an_error()
    {
        var frame = _framer.Read(new ReadOnlySequence<byte>("OPTIONS sip:a@b SIP/2.0\r\nl: -1\r\n\r\n"u8.ToArray()));

        Assert.Equal(SipFrameStatus.Error, frame.Status);
        Assert.Equal(SipParseErrorKind.InvalidContentLength, frame.Error!.Kind);
    }
}
