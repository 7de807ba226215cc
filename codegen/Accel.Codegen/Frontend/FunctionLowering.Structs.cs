using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Codegen.Passes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Structs by scalar replacement (see <see cref="StructShape"/>): a struct variable is one IR variable per
/// field, named variable_field; a struct value is one IR expression per field, in declaration order. C#'s value
/// semantics are kept: an assignment copies every field (through temporaries when the value reads the place it
/// is written to), `Pixel p;` and `new Pixel[n]` start at zero, a struct argument is copied into the callee.</summary>
internal sealed partial class FunctionLowering
{
    /// <param name="Fields">the field variables; none for a port of structs, which is its <see cref="Port"/></param>
    private sealed record StructVariable(StructShape Shape, IReadOnlyList<Variable> Fields, bool IsArray)
    {
        /// <summary>For an m_axi port of structs: the one aggregated port (see <see cref="LowerStructPort"/>).</summary>
        public Variable? Port { get; init; }
    }

    private readonly Dictionary<ISymbol, StructVariable> structVariables = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private int structTemps;

    /// <summary>Names the function declares itself, so a field variable's name (p_R) never takes one of them.</summary>
    private void CollectNames(MethodDeclarationSyntax syntax)
    {
        foreach (var node in syntax.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax d: usedNames.Add(d.Identifier.Text); break;
                case ParameterSyntax p: usedNames.Add(p.Identifier.Text); break;
            }
        }
    }

    private string FieldVariableName(string variable, string field)
    {
        var name = $"{variable}_{field}";
        if (!usedNames.Contains(name)) return name;
        for (int k = 1; ; k++)
            if (!usedNames.Contains($"{name}_{k}")) return $"{name}_{k}";
    }

    /// <summary>The struct shape of a type, or null: not a struct, or a struct already reported.</summary>
    private StructShape? ShapeOf(ITypeSymbol? type) => Structs.IsUserStruct(type) ? context.Struct(type!) : null;

    private StructVariable DeclareStruct(ISymbol symbol, StructShape shape, Func<StructField, (string Name, IrType Type, VariableKind Kind)> field, bool isArray)
    {
        var fields = shape.Fields.Select(f =>
        {
            var (name, type, kind) = field(f);
            return new Variable(name, type, kind) { IsStructField = true };
        }).ToList();
        var declared = new StructVariable(shape, fields, isArray);
        structVariables[symbol] = declared;
        return declared;
    }

    /// <summary>A struct parameter (one scalar per field) or struct array parameter (one array per field).</summary>
    private IEnumerable<Variable> LowerStructParameter(IParameterSymbol p, ITypeSymbol structType, bool isArray, SyntaxNode where)
    {
        if (isTop && isArray) return LowerStructPort(p, structType, where);
        if (isTop)
        {
            context.Report(DiagnosticIds.StructConstruct, where, $"a struct argument of the top function ({structType.Name} {p.Name}): pass its fields as scalar arguments, or make it an m_axi port of one element ([MAxi] {structType.Name}[] {p.Name})");
            return [];
        }
        if (ShapeOf(structType) is not { } shape) return [];
        var declared = DeclareStruct(p, shape, f => (FieldVariableName(p.Name, f.Name), isArray ? new ArrayParamType(f.Type) : f.Type, isArray ? VariableKind.ArrayParam : VariableKind.Scalar), isArray);
        return declared.Fields;
    }

    /// <summary>`Pixel p = value;` (fields from the value, or zero) and `Pixel[] buf = new Pixel[n];` (one array per field).</summary>
    private IrStmt? LowerStructDeclarator(IVariableDeclaratorOperation declarator, StructShape? shape, IOperation? initializer, List<(IrExpr Expr, long Value)>? lengths)
    {
        var symbol = declarator.Symbol;
        if (shape is null) return null;
        if (lengths is not null)
        {
            var array = DeclareStruct(symbol, shape, f => (FieldVariableName(symbol.Name, f.Name), ArrayShape(f.Type, lengths), VariableKind.Local), isArray: true);
            return Flatten(declarator, array.Fields.Select(v => (IrStmt?)new LocalDeclStmt(Line(declarator), v, null)));
        }
        var values = initializer is null ? null : LowerStruct(initializer, statementRoot: true);
        if (initializer is not null && values is null) return null;
        var local = DeclareStruct(symbol, shape, f => (FieldVariableName(symbol.Name, f.Name), f.Type, VariableKind.Local), isArray: false);
        return Flatten(declarator, local.Fields.Select((v, k) => (IrStmt?)new LocalDeclStmt(Line(declarator), v, values?[k])));
    }

    /// <summary>The value of a struct expression, one expression per field; null when reported (or when it names a
    /// variable whose declaration was reported).</summary>
    private IReadOnlyList<IrExpr>? LowerStruct(IOperation op, bool statementRoot = false)
    {
        var shape = ShapeOf(op.Type);
        if (shape is null)
        {
            if (!Structs.IsUserStruct(op.Type)) Reject(op);
            return null;
        }
        switch (op)
        {
            case IConversionOperation { OperatorMethod: null } conversion when SymbolEqualityComparer.Default.Equals(conversion.Type, conversion.Operand.Type):
                return LowerStruct(conversion.Operand, statementRoot);
            case ILocalReferenceOperation local:
                return structVariables.TryGetValue(local.Local, out var lv) ? lv.Fields.Select(Read).ToList() : Missing(op);
            case IParameterReferenceOperation parameter:
                return structVariables.TryGetValue(parameter.Parameter, out var pv) ? pv.Fields.Select(Read).ToList() : Missing(op);
            case IArrayElementReferenceOperation element when StructPortOf(element.ArrayReference) is { } port:
                return PortElementFields(port, LowerValue(element.Indices[0]));
            case IArrayElementReferenceOperation element:
            {
                if (LowerStructArray(element.ArrayReference) is not { } arrays) return null;
                var indices = element.Indices.Select(i => LowerValue(i)).ToList(); // once: every field's element has the same index
                return arrays.Select(a => ElementOf(a, indices, op)).ToList();
            }
            case IDefaultValueOperation:
                return shape.Fields.Select(f => (IrExpr)new ConstExpr(f.Type, 0)).ToList();
            case IObjectCreationOperation creation when creation.Arguments.Length == 0 && (creation.Constructor?.IsImplicitlyDeclared ?? true):
            {
                var values = shape.Fields.Select(f => (IrExpr)new ConstExpr(f.Type, 0)).ToList();
                foreach (var init in creation.Initializer?.Initializers ?? [])
                {
                    if (init is ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } } assign && shape.IndexOf(field) is >= 0 and var k)
                        values[k] = Convert(LowerValue(assign.Value), shape.Fields[k].Type);
                    else
                    {
                        context.Report(DiagnosticIds.StructConstruct, init.Syntax, $"this initializer of {shape.Symbol.Name}: set its fields, {shape.Symbol.Name} {{ Field = value, ... }}");
                        return null;
                    }
                }
                return values;
            }
            case IObjectCreationOperation creation:
                context.Report(DiagnosticIds.StructConstruct, op.Syntax, $"a constructor call: create it with new {shape.Symbol.Name} {{ {string.Join(", ", shape.Fields.Take(2).Select(f => f.Name + " = ..."))} }}");
                return null;
            case IInvocationOperation invocation:
                context.Report(DiagnosticIds.StructConstruct, op.Syntax, $"a function returning a struct ({invocation.TargetMethod.Name}): pass a {shape.Symbol.Name}[] argument and write the result into its element 0, or return one field per function");
                return null;
            case IFieldReferenceOperation { Instance: { } instance } when Structs.IsUserStruct(instance.Type) && ShapeOf(instance.Type) is null:
                return null; // a field of a struct already reported at its declaration (a nested struct)
            case IConditionalOperation:
                context.Report(DiagnosticIds.StructConstruct, op.Syntax, "a ?: choosing between structs: choose each field (p.R = c ? a.R : b.R), or assign the struct in an if / else");
                return null;
            default:
                context.Report(DiagnosticIds.StructConstruct, op.Syntax, $"a struct value from {op.Kind}: use a struct local, an element of a struct array, default or new {shape.Symbol.Name} {{ ... }}");
                return null;
        }
    }

    private IReadOnlyList<IrExpr>? Missing(IOperation op) => context.Diagnostics.HasErrors
        ? null
        : throw new InternalCompilerException($"no struct variable for {op.Syntax} at {Locations.Line(op.Syntax)}");

    /// <summary>The local or parameter an array operand names (array conversions removed), or null.</summary>
    private static (IOperation Operand, ISymbol? Symbol) ArraySymbol(IOperation op)
    {
        while (op is IConversionOperation { OperatorMethod: null } c && c.Type is IArrayTypeSymbol) op = c.Operand;
        return (op, op switch { ILocalReferenceOperation l => l.Local, IParameterReferenceOperation p => p.Parameter, _ => null });
    }

    /// <summary>The port of structs <paramref name="op"/> names, or null.</summary>
    private Variable? StructPortOf(IOperation op) =>
        ArraySymbol(op).Symbol is { } symbol && structVariables.TryGetValue(symbol, out var s) ? s.Port : null;

    /// <summary>A struct array as the list of its field arrays (for an argument or an element access).</summary>
    private IReadOnlyList<IrExpr>? LowerStructArray(IOperation operand)
    {
        var (op, symbol) = ArraySymbol(operand);
        var named = symbol is not null && structVariables.TryGetValue(symbol, out var s) ? s : null;
        if (named?.Port is { } port)
        {
            context.Report(DiagnosticIds.StructConstruct, op.Syntax, $"passing the port of structs {port.Name} to a function: read its elements in the top function ({named.Shape.Symbol.Name} p = {port.Name}[i]) and pass the struct, or copy the port into a local {named.Shape.Symbol.Name} array and pass that");
            return null;
        }
        if (named is { IsArray: true }) return named.Fields.Select(Read).ToList();
        if (symbol is not null && ShapeOf(((IArrayTypeSymbol)op.Type!).ElementType) is not null && !context.Diagnostics.HasErrors)
            throw new InternalCompilerException($"no struct array for {op.Syntax}");
        if (symbol is null)
            context.Report(DiagnosticIds.StructConstruct, op.Syntax, "a struct array other than a local array or an array parameter of this function");
        return null;
    }

    /// <summary>A member (a property, a method) of a struct already reported at its declaration: no second report.</summary>
    private bool OfReportedStruct(IOperation op) =>
        op is IMemberReferenceOperation { Member.ContainingType: var type } && Structs.IsUserStruct(type) && context.Struct(type) is null;

    /// <summary>p.R, buf[i].R: the field's expression of the struct value.</summary>
    private IrExpr StructFieldValue(IFieldReferenceOperation field, StructShape shape)
    {
        if (LowerStruct(field.Instance!) is not { } values) return Poison;
        return values[shape.IndexOf(field.Field)];
    }

    /// <summary>p.R or buf[i].R as the target of an assignment.</summary>
    private IrExpr? StructFieldTarget(IFieldReferenceOperation field, StructShape shape)
    {
        if (LowerStruct(field.Instance!) is not { } places) return null;
        var place = places[shape.IndexOf(field.Field)];
        return place is VarRefExpr { Variable.Kind: VariableKind.Local or VariableKind.Scalar } or IndexExpr { Array: VarRefExpr } ? place : null;
    }

    /// <summary>target = value for structs: every field copied. When the value reads a field variable of the target
    /// (p = new Pixel { R = p.G, G = p.R }), the values go through temporaries first, as C# builds the new value
    /// before it stores it.</summary>
    private IrStmt? AssignStruct(IOperation op, IOperation targetOp, IOperation valueOp)
    {
        var targets = LowerStruct(targetOp);
        var values = LowerStruct(valueOp, statementRoot: true);
        if (targets is null || values is null) return null;
        if (targets.Any(t => t is not (VarRefExpr { Variable.Kind: VariableKind.Local or VariableKind.Scalar } or IndexExpr { Array: VarRefExpr })))
        {
            context.Report(DiagnosticIds.StructConstruct, targetOp.Syntax, "assigning to this struct: assign to a struct local, parameter or array element");
            return null;
        }
        var written = new HashSet<Variable>(targets.Select(t => t is IndexExpr { Array: VarRefExpr a } ? a.Variable : ((VarRefExpr)t).Variable));
        var statements = new List<IrStmt?>();
        // An index that reads a field array the assignment writes (buf[buf[0].R] = q) is evaluated once, first, as C# does.
        if (targets.Any(t => t is IndexExpr index && VariablesIn.Of(index.Index).Concat(index.Indices?.SelectMany(i => VariablesIn.Of(i)) ?? []).Any(written.Contains)))
        {
            var held = new Dictionary<IrExpr, IrExpr>(ReferenceEqualityComparer.Instance);
            IrExpr Hold(IrExpr index)
            {
                if (held.TryGetValue(index, out var temp)) return temp;
                var variable = new Variable($"struct_{structTemps++}", index.Type, VariableKind.Local);
                statements.Add(new LocalDeclStmt(Line(op), variable, index));
                return held[index] = new VarRefExpr(variable);
            }
            targets = targets.Select(t => t is IndexExpr index
                ? index.Indices is null ? index with { Index = Hold(index.Index) } : index with { Indices = index.Indices.Select(Hold).ToList() }
                : t).ToList();
        }
        bool overlap = values.Select((v, k) => (v, k)).Any(p => !SamePlaceOrDisjoint(p.v, targets[p.k], written));
        var sources = values.ToList();
        if (overlap)
            for (int k = 0; k < sources.Count; k++)
            {
                var temp = new Variable($"struct_{structTemps++}", sources[k].Type, VariableKind.Local);
                statements.Add(new LocalDeclStmt(Line(op), temp, sources[k]));
                sources[k] = new VarRefExpr(temp);
            }
        for (int k = 0; k < targets.Count; k++)
            statements.Add(new AssignStmt(Line(op), targets[k], Convert(sources[k], targets[k].Type)));
        return Flatten(op, statements);
    }

    /// <summary>True when storing field k cannot change the value of another field: the value reads none of the
    /// target's variables, or reads only the same field variable the store writes (buf[i] = buf[j]).</summary>
    private static bool SamePlaceOrDisjoint(IrExpr value, IrExpr target, HashSet<Variable> written)
    {
        var reads = VariablesIn.Of(value);
        var own = target is IndexExpr { Array: VarRefExpr a } ? a.Variable : ((VarRefExpr)target).Variable;
        // The fields of a port of structs are one variable: any read of the port may be another field of the element.
        if (target is IndexExpr { Field: not null } && reads.Contains(own)) return false;
        return reads.All(v => !written.Contains(v) || ReferenceEquals(v, own));
    }

    /// <summary>The on-chip arrays a directive names: a struct array stands for its field arrays.</summary>
    private IReadOnlyList<Variable>? DirectiveArrays(IOperation array)
    {
        if (ArraySymbol(array).Symbol is not { } symbol) return null;
        if (structVariables.TryGetValue(symbol, out var s) && s.IsArray) return s.Port is { } port ? [port] : s.Fields;
        return variables.TryGetValue(symbol, out var v) ? [v] : null;
    }
}
