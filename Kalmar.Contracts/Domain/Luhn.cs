namespace Kalmar.Contracts.Domain;

/// <summary>The mod-10 check digit used by personnummer and by our travel card numbers.</summary>
public static class Luhn
{
    /// <summary>True when the last digit of <paramref name="digits"/> (ASCII digits only) checks out.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return digits.Length > 1 && sum % 10 == 0;
    }

    /// <summary>The digit that, appended to <paramref name="digits"/> (ASCII digits only), makes them valid.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }
}
