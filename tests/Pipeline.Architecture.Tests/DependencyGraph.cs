using Mono.Cecil;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// Which namespace of the pipeline uses which, read from IL: base types, interfaces, fields, properties, signatures and
/// every type, method and field a method body touches. Compiler-generated nesting counts as its declaring type.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    public static DependencyGraph Of(IEnumerable<string> assemblyPaths)
    {
        var graph = new DependencyGraph();
        foreach (string path in assemblyPaths)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path);
            foreach (var type in assembly.MainModule.GetTypes())
                graph.Add(type);
        }
        return graph;
    }

    private void Add(TypeDefinition type)
    {
        string? from = NamespaceOf(type);
        if (from is null) return;
        var uses = new List<TypeReference?> { type.BaseType };
        uses.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        uses.AddRange(type.Fields.Select(f => f.FieldType));
        uses.AddRange(type.Properties.Select(p => p.PropertyType));
        foreach (var method in type.Methods)
        {
            uses.Add(method.ReturnType);
            uses.AddRange(method.Parameters.Select(p => p.ParameterType));
            if (!method.HasBody) continue;
            uses.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                uses.Add(instruction.Operand switch
                {
                    TypeReference t => t,
                    MemberReference m => m.DeclaringType,
                    _ => null,
                });
            }
        }
        foreach (var used in uses)
        {
            foreach (string to in Namespaces(used))
            {
                if (to != from)
                    (_edges.TryGetValue(from, out var set) ? set : _edges[from] = new(StringComparer.Ordinal)).Add(to);
            }
        }
    }

    /// <summary>The pipeline namespaces a type reference names, generic arguments and element types included.</summary>
    private static IEnumerable<string> Namespaces(TypeReference? type)
    {
        switch (type)
        {
            case null:
                yield break;
            case GenericInstanceType generic:
                foreach (string ns in Namespaces(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Namespaces)))
                    yield return ns;
                yield break;
            case TypeSpecification specification:
                foreach (string ns in Namespaces(specification.ElementType))
                    yield return ns;
                yield break;
        }
        if (NamespaceOf(type) is { } name)
            yield return name;
    }

    private static string? NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace.StartsWith("Pipeline", StringComparison.Ordinal) ? type.Namespace : null;
    }

    /// <summary>Every cycle's members (strongly connected components of more than one node), by Tarjan's algorithm.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        int next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (string to in _edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to) && index.TryGetValue(to, out int toIndex))
                {
                    low[node] = Math.Min(low[node], toIndex);
                }
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (string node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node)) Visit(node);
        }
        return cycles;
    }
}
