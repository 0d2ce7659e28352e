using Npgsql;

namespace Kalmar.Tests.Fixtures;

/// <summary>Reads a test database's tables straight, to see what the system wrote.</summary>
public static class Sql
{
    /// <summary>The rows <paramref name="query"/> answers (parameters <c>$1</c>, <c>$2</c>, … in order), each made by <paramref name="row"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string query, Func<NpgsqlDataReader, T> row, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(query);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    /// <inheritdoc cref="ReadAsync{T}(NpgsqlDataSource, string, Func{NpgsqlDataReader, T}, object[])"/>
    public static async Task<List<T>> ReadAsync<T>(KalmarCluster cluster, string query, Func<NpgsqlDataReader, T> row, params object[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        return await ReadAsync(dataSource, query, row, parameters);
    }

    /// <summary>Runs <paramref name="statement"/> (parameters <c>$1</c>, <c>$2</c>, … in order), for tests that plant rows.</summary>
    public static async Task ExecuteAsync(KalmarCluster cluster, string statement, params object[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        await using var command = dataSource.CreateCommand(statement);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
