namespace Accel.Hw;

/// <summary>A bit count written as a type, so widths can be type arguments (C# generics take no numbers):
/// <c>Fixed&lt;W16, W6, Rnd, Sat&gt;</c> is Vitis's <c>ap_fixed&lt;16, 6, AP_RND, AP_SAT&gt;</c>.</summary>
public interface IWidth
{
    static abstract int Bits { get; }
}

public readonly struct W0 : IWidth { public static int Bits => 0; }
public readonly struct W1 : IWidth { public static int Bits => 1; }
public readonly struct W2 : IWidth { public static int Bits => 2; }
public readonly struct W3 : IWidth { public static int Bits => 3; }
public readonly struct W4 : IWidth { public static int Bits => 4; }
public readonly struct W5 : IWidth { public static int Bits => 5; }
public readonly struct W6 : IWidth { public static int Bits => 6; }
public readonly struct W7 : IWidth { public static int Bits => 7; }
public readonly struct W8 : IWidth { public static int Bits => 8; }
public readonly struct W9 : IWidth { public static int Bits => 9; }
public readonly struct W10 : IWidth { public static int Bits => 10; }
public readonly struct W11 : IWidth { public static int Bits => 11; }
public readonly struct W12 : IWidth { public static int Bits => 12; }
public readonly struct W13 : IWidth { public static int Bits => 13; }
public readonly struct W14 : IWidth { public static int Bits => 14; }
public readonly struct W15 : IWidth { public static int Bits => 15; }
public readonly struct W16 : IWidth { public static int Bits => 16; }
public readonly struct W17 : IWidth { public static int Bits => 17; }
public readonly struct W18 : IWidth { public static int Bits => 18; }
public readonly struct W19 : IWidth { public static int Bits => 19; }
public readonly struct W20 : IWidth { public static int Bits => 20; }
public readonly struct W21 : IWidth { public static int Bits => 21; }
public readonly struct W22 : IWidth { public static int Bits => 22; }
public readonly struct W23 : IWidth { public static int Bits => 23; }
public readonly struct W24 : IWidth { public static int Bits => 24; }
public readonly struct W25 : IWidth { public static int Bits => 25; }
public readonly struct W26 : IWidth { public static int Bits => 26; }
public readonly struct W27 : IWidth { public static int Bits => 27; }
public readonly struct W28 : IWidth { public static int Bits => 28; }
public readonly struct W29 : IWidth { public static int Bits => 29; }
public readonly struct W30 : IWidth { public static int Bits => 30; }
public readonly struct W31 : IWidth { public static int Bits => 31; }
public readonly struct W32 : IWidth { public static int Bits => 32; }
public readonly struct W33 : IWidth { public static int Bits => 33; }
public readonly struct W34 : IWidth { public static int Bits => 34; }
public readonly struct W35 : IWidth { public static int Bits => 35; }
public readonly struct W36 : IWidth { public static int Bits => 36; }
public readonly struct W37 : IWidth { public static int Bits => 37; }
public readonly struct W38 : IWidth { public static int Bits => 38; }
public readonly struct W39 : IWidth { public static int Bits => 39; }
public readonly struct W40 : IWidth { public static int Bits => 40; }
public readonly struct W41 : IWidth { public static int Bits => 41; }
public readonly struct W42 : IWidth { public static int Bits => 42; }
public readonly struct W43 : IWidth { public static int Bits => 43; }
public readonly struct W44 : IWidth { public static int Bits => 44; }
public readonly struct W45 : IWidth { public static int Bits => 45; }
public readonly struct W46 : IWidth { public static int Bits => 46; }
public readonly struct W47 : IWidth { public static int Bits => 47; }
public readonly struct W48 : IWidth { public static int Bits => 48; }
public readonly struct W49 : IWidth { public static int Bits => 49; }
public readonly struct W50 : IWidth { public static int Bits => 50; }
public readonly struct W51 : IWidth { public static int Bits => 51; }
public readonly struct W52 : IWidth { public static int Bits => 52; }
public readonly struct W53 : IWidth { public static int Bits => 53; }
public readonly struct W54 : IWidth { public static int Bits => 54; }
public readonly struct W55 : IWidth { public static int Bits => 55; }
public readonly struct W56 : IWidth { public static int Bits => 56; }
public readonly struct W57 : IWidth { public static int Bits => 57; }
public readonly struct W58 : IWidth { public static int Bits => 58; }
public readonly struct W59 : IWidth { public static int Bits => 59; }
public readonly struct W60 : IWidth { public static int Bits => 60; }
public readonly struct W61 : IWidth { public static int Bits => 61; }
public readonly struct W62 : IWidth { public static int Bits => 62; }
public readonly struct W63 : IWidth { public static int Bits => 63; }
public readonly struct W64 : IWidth { public static int Bits => 64; }
