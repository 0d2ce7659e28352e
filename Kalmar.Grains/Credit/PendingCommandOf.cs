namespace Kalmar.Grains.Credit;

/// <summary>A pending command whose answer is decided before the commit and given after it.</summary>
public abstract class PendingCommand<TAnswer> : PendingCommand
{
    private readonly TaskCompletionSource<TAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TAnswer> Answered => _answer.Task;

    public TAnswer? Decided { get; set; }

    public override void Answer() => _answer.TrySetResult(Decided!);

    public override void Fail(Exception exception) => _answer.TrySetException(exception);
}
