using CallMyWay.Voice.Telephony.Ivr;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

public class TypeAheadBufferTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly TypeAheadBuffer _buffer;

    public TypeAheadBufferTests()
    {
        _buffer = new TypeAheadBuffer(_time);
    }

    [Fact]
    public async Task Digits_typed_before_the_read_are_returned_in_order_at_once()
    {
        _buffer.Push('1');
        _buffer.Push('#');

        Assert.Equal('1', await _buffer.ReadAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal('#', await _buffer.ReadAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(0, _buffer.Count);
    }

    [Fact]
    public async Task A_read_times_out_on_the_time_provider_and_not_before()
    {
        var read = _buffer.ReadAsync(TimeSpan.FromSeconds(5), CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(read.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Null(await read);
    }

    [Fact]
    public async Task A_digit_pushed_while_waiting_completes_the_read()
    {
        var read = _buffer.ReadAsync(TimeSpan.FromSeconds(5), CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2));

        _buffer.Push('7');

        Assert.Equal('7', await read);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _buffer.Count);
    }

    [Fact]
    public async Task The_barge_in_signal_fires_on_the_first_digit_and_leaves_it_to_be_read()
    {
        var bargeIn = _buffer.WaitForDigitAsync(CancellationToken.None);
        Assert.False(bargeIn.IsCompleted);

        _buffer.Push('3');
        await bargeIn;

        Assert.True(_buffer.WaitForDigitAsync(CancellationToken.None).IsCompleted);
        Assert.Equal('3', await _buffer.ReadAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public void Clearing_forgets_buffered_digits()
    {
        _buffer.Push('9');
        _buffer.Push('9');

        _buffer.Clear();

        Assert.Equal(0, _buffer.Count);
    }

    [Fact]
    public async Task Hanging_up_cancels_a_waiting_read()
    {
        using var call = new CancellationTokenSource();
        var read = _buffer.ReadAsync(TimeSpan.FromSeconds(5), call.Token).AsTask();

        await call.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Fact]
    public void A_flood_of_digits_is_capped_and_non_dtmf_is_refused()
    {
        for (var i = 0; i < TypeAheadBuffer.Capacity; i++)
        {
            Assert.True(_buffer.Push('5'));
        }

        Assert.False(_buffer.Push('5'));
        Assert.Equal(TypeAheadBuffer.Capacity, _buffer.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => _buffer.Push('x'));
    }
}
