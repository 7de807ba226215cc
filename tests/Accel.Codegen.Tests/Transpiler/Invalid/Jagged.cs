using Accel.Hw;

// Jagged arrays outside the subset: only a local whose rows all have one constant length, allocated where it is
// declared, is a 2-D array (JaggedArrays.cs); anything C# allows beyond that (rows of other lengths, null, aliased,
// reassigned, held or passed on their own, more levels, a jagged port) is one report at its place.

// A row length known only at run time
[Kernel("jagged_runtime_row_length")]
public sealed class JaggedRuntimeRowLength(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int m = data[0];
        int[][] x = new int[2][];
        for (int r = 0; r < 2; r++) x[r] = new int[m]; //! ACCEL0012
        x[1][0] = data[1];
        data[1] = x[1][0];
    }
}

// A null row
[Kernel("jagged_null_row")]
public sealed class JaggedNullRow(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = new int[2][] { new int[4], null }; //! ACCEL0061
        x[0][3] = data[0];
        data[1] = x[0][3];
    }
}

// A jagged port: a port buffer is one row-major block (use T[,])
[Kernel("jagged_port")]
public sealed class JaggedPort(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[][] data) //! ACCEL0061
    {
        data[0][1] = data[1][0];
    }
}

// x[1] = x[0] makes two rows one in C#; a hardware array cannot
[Kernel("jagged_row_aliased")]
public sealed class JaggedRowAliased(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = new int[2][];
        for (int r = 0; r < 2; r++) x[r] = new int[8];
        x[1] = x[0]; //! ACCEL0061
        x[0][3] = data[0];
        data[1] = x[1][3];
    }
}

// The row loop must follow the declaration at once
[Kernel("jagged_row_allocated_later")]
public sealed class JaggedRowAllocatedLater(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = new int[4][]; //! ACCEL0061
        data[0] = 1;
        for (int r = 0; r < 4; r++) x[r] = new int[8];
        x[1][7] = data[0];
        data[1] = x[1][7];
    }
}

// One row held in a local (a reference into the array in C#)
[Kernel("jagged_row_held")]
public sealed class JaggedRowHeld(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = [new int[4], new int[4]];
        x[1][2] = data[0];
        int[] row = x[1]; //! ACCEL0061
        data[1] = row[2];
    }
}

// One row passed to a T[] parameter
[Kernel("jagged_row_passed")]
public sealed class JaggedRowPassed(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = [new int[4], new int[4]];
        x[1][2] = data[0];
        data[1] = Sum(x[1]); //! ACCEL0061
    }

    int Sum(int[] row)
    {
        int s = 0;
        for (int i = 0; i < 4; i++) s += row[i];
        return s;
    }
}

// Rows of different lengths have no 2-D shape
[Kernel("jagged_rows_of_different_lengths")]
public sealed class JaggedRowsOfDifferentLengths(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = [new int[4], new int[8]]; //! ACCEL0061
        Hls.ArrayPartition(x, PartitionKind.Complete, 0, 1); // nothing more about x
        x[1][7] = data[0];
        data[1] = x[1][7] + x[0][3];
    }
}

// A row loop over part of the rows leaves the others null
[Kernel("jagged_some_rows_allocated")]
public sealed class JaggedSomeRowsAllocated(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = new int[4][]; //! ACCEL0061
        for (int r = 0; r < 2; r++) x[r] = new int[8];
        x[1][7] = data[0];
        data[1] = x[1][7];
    }
}

// Three levels: use new T[a, b, c]
[Kernel("jagged_three_levels")]
public sealed class JaggedThreeLevels(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][][] x = new int[2][][]; //! ACCEL0061
        data[1] = x[1][0][2];
    }
}

// No rows at all
[Kernel("jagged_no_rows")]
public sealed class JaggedNoRows(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = []; //! ACCEL0061
        data[0] = x.Length;
    }
}
