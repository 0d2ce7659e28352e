using System.Reflection;

namespace Kalmar.Tests.Architecture;

/// <summary>
/// Every type an assembly's own types use where reflection can see it: base types, interfaces, attributes, fields,
/// properties, events, method and constructor signatures, local variables and generic arguments, each with where.
/// </summary>
public static class TypeUsages
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public sealed record Usage(Type Used, string Where)
    {
        public override string ToString() => $"{Where} uses {Used.FullName}";
    }

    public static IEnumerable<Usage> Of(Assembly assembly) => assembly.GetTypes().SelectMany(Of);

    private static IEnumerable<Usage> Of(Type type)
    {
        var name = type.FullName ?? type.Name;
        var direct = new List<(Type? Used, string Where)> { (type.BaseType, $"{name} (base type)") };
        direct.AddRange(type.GetInterfaces().Select(implemented => ((Type?)implemented, $"{name} (interface)")));
        direct.AddRange(AttributesOf(type.CustomAttributes, name));
        direct.AddRange(type.GetFields(Declared).Select(field => ((Type?)field.FieldType, $"{name}.{field.Name} (field)")));
        direct.AddRange(type.GetProperties(Declared).Select(property => ((Type?)property.PropertyType, $"{name}.{property.Name} (property)")));
        direct.AddRange(type.GetEvents(Declared).Select(@event => (@event.EventHandlerType, $"{name}.{@event.Name} (event)")));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            direct.AddRange(SignatureOf(method, $"{name}.{method.Name}"));
        }

        return direct.SelectMany(usage => Expand(usage.Used).Select(used => new Usage(used, usage.Where)));
    }

    private static IEnumerable<(Type?, string)> SignatureOf(MethodBase method, string where)
    {
        if (method is MethodInfo { ReturnType: var returned })
        {
            yield return (returned, $"{where} (return type)");
        }

        foreach (var parameter in method.GetParameters())
        {
            yield return (parameter.ParameterType, $"{where}({parameter.Name}) (parameter)");
        }

        foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
        {
            yield return (local.LocalType, $"{where} (local variable)");
        }

        foreach (var usage in AttributesOf(method.CustomAttributes, where))
        {
            yield return usage;
        }
    }

    private static IEnumerable<(Type?, string)> AttributesOf(IEnumerable<CustomAttributeData> attributes, string where) =>
        attributes.SelectMany(attribute => attribute.ConstructorArguments.Select(argument => argument.Value as Type)
            .Prepend(attribute.AttributeType)
            .Select(used => (used, $"{where} (attribute [{attribute.AttributeType.Name}])")));

    /// <summary>A type with the types it is made of: element types of arrays and references, and generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()))
            {
                yield return element;
            }

            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Expand(argument))
            {
                yield return inner;
            }
        }
    }
}
