using Npgsql;

namespace Kalmar.Silo.Extensions;

/// <summary>The data source of the grains' own tables (not Orleans' storage, which opens its connections itself).</summary>
public static class GrainDatabase
{
    /// <summary>
    /// Statements prepared once per connection: the grains send the same few statements again and again (a credit commit
    /// is three), and parsing and planning them each time cost PostgreSQL more CPU than executing them. A connection back
    /// in the pool keeps its session as it is: no code of ours changes session state (its one advisory lock is released
    /// by the code that takes it, the others end with their transaction), so the reset that would drop the prepared
    /// statements is skipped.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
