using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Codegen.Passes;

/// <summary>C# zeroes a new array, and so does the generated `T a[n] = {}`, which Vitis builds as a loop writing
/// every word on every call. When the function writes every element, unconditionally, before anything may read
/// one (counted loops and plain assignments followed in order), the zeroes are never seen and the fill is left
/// out (the first iteration of a loop that goes on to read the array counts, as that loop's init does). Anything
/// the proof does not cover keeps the fill: C#'s meaning first.</summary>
public static class LocalArrayFill
{
    private const long MaxWrites = 1 << 20;

    /// <param name="functions">the kernel's functions: a call that writes the array is followed into its callee</param>
    public static bool Needed(IrFunction function, Variable array, IReadOnlyDictionary<string, IrFunction> functions)
    {
        if (array.Type is not ArrayType type) return false;
        var following = After(function.Body, array);
        if (following is null) return true;
        var proof = new Proof(functions, new bool[type.LengthValue]);
        var counters = new Dictionary<Variable, long>();
        return proof.FirstUse(following, counters, array) is not (Use.Covered or Use.CoveredIfRun);
    }

    /// <summary>CoveredIfRun: covered inside a loop that may run no iteration, so only if nothing mentions the
    /// array after that loop.</summary>
    private enum Use { None, Covered, CoveredIfRun, Read }

    /// <summary>The statements after the array's declaration in the block that declares it.</summary>
    private static IEnumerable<IrStmt>? After(IrStmt statement, Variable array)
    {
        switch (statement)
        {
            case BlockStmt b:
                int at = b.Statements.ToList().FindIndex(s => s is LocalDeclStmt d && ReferenceEquals(d.Variable, array));
                if (at >= 0) return b.Statements.Skip(at + 1);
                foreach (var s in b.Statements)
                    if (After(s, array) is { } found) return found;
                return null;
            case IfStmt i: return After(i.Then, array) ?? (i.Else is null ? null : After(i.Else, array));
            case ForStmt f: return After(f.Body, array);
            case WhileStmt w: return After(w.Body, array);
            default: return null;
        }
    }

    /// <summary>A counted loop under known counters: its counter, first value, step and trip count (null when
    /// the count is not known). Only a loop whose step moves the counter alone, as the proof replays bodies only.</summary>
    private static (Variable Counter, long Start, long Step, long? Trips)? Counted(ForStmt f, Dictionary<Variable, long> counters) =>
        CountedLoop.Of(f, ConstantFolder.Of(counters)) is { CounterAlone: true, Start.Constant: var start } loop ? (loop.Counter, start, loop.Step, loop.Trips) : null;

    private sealed class Proof(IReadOnlyDictionary<string, IrFunction> functions, bool[] written)
    {
        private long budget = MaxWrites;
        private long unwritten = written.Length;

        private bool Complete => unwritten == 0;

        /// <summary>Follows the statements in order until every element is written (Covered) or something may read
        /// the array first (Read). A loop that reads the array is entered for its first iteration only: what that
        /// iteration writes before its first read is what every later read may rely on.</summary>
        public Use FirstUse(IEnumerable<IrStmt> statements, Dictionary<Variable, long> counters, Variable array)
        {
            var list = statements.ToList();
            for (int at = 0; at < list.Count; at++)
            {
                var s = list[at];
                if (!Mentions(s, array)) continue;
                if (!Reads(s, array) || WritingCall(s, array, counters) is not null)
                {
                    if (s is WhileStmt || !Cover([s], counters, array)) return Use.Read; // nothing certain
                }
                else if (s is ForStmt f && Counted(f, counters) is var (counter, start, _, trips))
                {
                    counters[counter] = start;
                    var inner = FirstUse(f.Body.Statements, counters, array);
                    counters.Remove(counter);
                    if (inner == Use.Covered && trips is not >= 1) inner = Use.CoveredIfRun;
                    if (inner == Use.CoveredIfRun) return list.Skip(at + 1).Any(x => Mentions(x, array)) ? Use.Read : inner;
                    if (inner != Use.None) return inner;
                }
                else if (s is BlockStmt b)
                {
                    var inner = FirstUse(b.Statements, counters, array);
                    if (inner == Use.CoveredIfRun) return list.Skip(at + 1).Any(x => Mentions(x, array)) ? Use.Read : inner;
                    if (inner != Use.None) return inner;
                }
                else return Complete ? Use.Covered : Use.Read;
                if (Complete) return Use.Covered;
            }
            return Use.None;
        }

        /// <summary>Marks the elements the statements write on every path; false when an index cannot be followed.</summary>
        public bool Cover(IEnumerable<IrStmt> statements, Dictionary<Variable, long> counters, Variable array)
        {
            foreach (var s in statements)
            {
                switch (s)
                {
                    case BlockStmt b:
                        if (!Cover(b.Statements, counters, array)) return false;
                        break;
                    case AssignStmt { Target: IndexExpr { Array: VarRefExpr { Variable: var target }, Index: var index } } when ReferenceEquals(target, array):
                        if (ConstantFolder.Of(counters).Wrapped(index) is not long element || element < 0 || element >= written.Length || --budget < 0) return false;
                        if (!written[element]) unwritten--;
                        written[element] = true;
                        break;
                    case ForStmt f:
                        if (Counted(f, counters) is not var (counter, start, step, trips) || trips is null) return false;
                        for (long k = 0; k < trips; k++)
                        {
                            counters[counter] = start + step * k;
                            if (!Cover(f.Body.Statements, counters, array)) return false;
                        }
                        counters.Remove(counter);
                        break;
                    // an arm the counters decide (a lane guard `if (i + j < length)` with everything known)
                    case IfStmt i when ConstantFolder.Of(counters).Wrapped(i.Condition) is long decided:
                        var arm = decided != 0 ? i.Then : i.Else;
                        if (arm is not null && !Cover([arm], counters, array)) return false;
                        break;
                    // a call that only writes the array: its callee, with the arguments it gets here
                    case ExprStmt when WritingCall(s, array, counters) is var (callee, parameter, arguments):
                        if (!Cover(callee.Body.Statements, arguments, parameter)) return false;
                        break;
                    // writes under a condition or in a loop without a count cover nothing for sure; other statements
                    // do not touch the array (Reads checked that)
                }
            }
            return true;
        }

        /// <summary>A call statement that passes the array to a callee which writes it without reading it or
        /// passing it on: the callee, its parameter, and the counters its scalar parameters get (those this call
        /// fixes).</summary>
        public (IrFunction Callee, Variable Parameter, Dictionary<Variable, long> Arguments)? WritingCall(IrStmt s, Variable array, Dictionary<Variable, long> counters)
        {
            if (s is not ExprStmt { Expression: CallExpr call } || !functions.TryGetValue(call.Callee, out var callee)) return null;
            int at = call.Arguments.ToList().FindIndex(a => a is VarRefExpr { Variable: var v } && ReferenceEquals(v, array));
            if (at < 0 || at >= callee.Parameters.Count || call.Arguments.Where((a, i) => i != at).Any(a => Mentions(new ExprStmt(0, a), array))) return null;
            var parameter = callee.Parameters[at];
            if (Reads(callee.Body, parameter)) return null;
            var arguments = new Dictionary<Variable, long>();
            for (int i = 0; i < call.Arguments.Count && i < callee.Parameters.Count; i++)
                if (callee.Parameters[i].Type is IntType or BoolType && ConstantFolder.Of(counters).Wrapped(call.Arguments[i]) is long value)
                    arguments[callee.Parameters[i]] = value;
            return (callee, parameter, arguments);
        }
    }

    private static bool Mentions(IrStmt s, Variable array) => new Finder(array, readsOnly: false).In(s);

    /// <summary>Any use of the array but as the target of an element assignment (a read, or passing it on).</summary>
    private static bool Reads(IrStmt s, Variable array) => new Finder(array, readsOnly: true).In(s);

    private sealed class Finder(Variable array, bool readsOnly) : IrWalker
    {
        private bool found;

        public bool In(IrStmt s)
        {
            s.Accept(this);
            return found;
        }

        public override void VisitAssign(AssignStmt s)
        {
            if (readsOnly && s.Target is IndexExpr { Array: VarRefExpr { Variable: var v } } target && ReferenceEquals(v, array))
            {
                Walk(target.Index);
                Walk(s.Value);
                return;
            }
            base.VisitAssign(s);
        }

        public override bool VisitVarRef(VarRefExpr e)
        {
            found |= ReferenceEquals(e.Variable, array);
            return true;
        }
    }
}
