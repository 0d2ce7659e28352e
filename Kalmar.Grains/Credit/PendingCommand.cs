namespace Kalmar.Grains.Credit;

/// <summary>A command waiting for the account's next commit; its caller is answered only after that commit.</summary>
public abstract class PendingCommand
{
    public abstract void Answer();

    public abstract void Fail(Exception exception);
}
