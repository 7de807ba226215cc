// Reference results of Vitis's arbitrary-precision types, computed with the real ap_types headers
// (github.com/Xilinx/HLS_arbitrary_Precision_Types), for tests/Accel.Tests/Hw/ApGolden/ap-golden.txt.
// Every line is one operation on fixed pseudo-random inputs; ApGoldenTests replays it on Accel.Hw's C# types.
// Rerun with scripts/aptypes/generate.sh (see its header). Formats are written s|u,W,I; raw values are the
// value times 2^(W-I) as decimal integers; ap_int and ap_uint are written int|uint,W,W.
#include <ap_fixed.h>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

static uint64_t state = 0x9E3779B97F4A7C15ull;
// splitmix64: fixed and portable, unlike std::uniform_int_distribution.
static uint64_t next() {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::string fmt(const ap_fixed_base<W, I, S, Q, O, N>&) {
  return std::string(S ? "s" : "u") + "," + std::to_string(W) + "," + std::to_string(I);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::string raw(const ap_fixed_base<W, I, S, Q, O, N>& v) {
  ap_int_base<W, S> bits;
  bits.range(W - 1, 0) = v.range(W - 1, 0);
  return bits.to_string(10);
}

template <int W, bool S>
std::string fmt(const ap_int_base<W, S>&) {
  return std::string(S ? "int" : "uint") + "," + std::to_string(W) + "," + std::to_string(W);
}

template <int W, bool S>
std::string raw(const ap_int_base<W, S>& v) { return v.to_string(10); }

static const char* qname(ap_q_mode q) {
  switch (q) {
    case AP_TRN: return "Trn"; case AP_TRN_ZERO: return "TrnZero"; case AP_RND: return "Rnd";
    case AP_RND_ZERO: return "RndZero"; case AP_RND_MIN_INF: return "RndMinInf"; case AP_RND_INF: return "RndInf";
    default: return "RndConv";
  }
}
static const char* oname(ap_o_mode o) {
  switch (o) {
    case AP_WRAP: return "Wrap"; case AP_SAT: return "Sat"; case AP_SAT_ZERO: return "SatZero"; default: return "SatSym";
  }
}

// Random raw bits of a type, with its edge values first.
template <class T>
T sample(int i) {
  T v;
  const int w = T::width;
  ap_int_base<T::width, false> bits;
  if (i == 0) bits = 0;
  else if (i == 1) { bits = 0; bits = ~bits; }            // all ones: -1 ulp, or the maximum unsigned
  else if (i == 2) { bits = 0; bits[w - 1] = 1; }         // the top bit alone: the signed minimum
  else if (i == 3) { bits = 0; bits = ~bits; bits[w - 1] = 0; } // the signed maximum
  else if (i == 4) { bits = 1; }
  else { bits = next(); if (w > 64) { ap_int_base<T::width, false> hi = next(); bits |= hi << 64; } }
  v.range(w - 1, 0) = bits;
  return v;
}

const int kSamples = 14;

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, class Src>
void conv() {
  typedef ap_fixed_base<W, I, S, Q, O, 0> Dst;
  for (int i = 0; i < kSamples; i++) {
    Src s = sample<Src>(i);
    Dst d = s;
    printf("conv %s %s %s %s %s %s\n", fmt(d).c_str(), qname(Q), oname(O), fmt(s).c_str(), raw(s).c_str(), raw(d).c_str());
  }
  for (int i = 0; i < kSamples; i++) {
    // Doubles near the type's range, some on exact ties of its last bit.
    double mag = ldexp((double)(next() >> 11) / 9007199254740992.0, I + 1);
    if (i % 3 == 0) mag = ldexp(floor(mag * ldexp(1.0, W - I + 1)) , -(W - I + 1));
    double x = (next() & 1) ? -mag : mag;
    Dst d = x;
    uint64_t xb; memcpy(&xb, &x, 8);
    printf("double %s %s %s %llu %s\n", fmt(d).c_str(), qname(Q), oname(O), (unsigned long long)xb, raw(d).c_str());
  }
}

// Every quantisation and overflow mode into one shape, from a source with 8 more fractional and 4 more
// integer bits (so it rounds and overflows), and from int.
template <int W, int I, bool S, ap_q_mode Q>
void modes_q() {
  typedef ap_fixed_base<(W + 12 > 64 ? 64 : W + 12), I + 4, S, AP_TRN, AP_WRAP, 0> Wide;
  conv<W, I, S, Q, AP_WRAP, Wide>(); conv<W, I, S, Q, AP_SAT, Wide>();
  conv<W, I, S, Q, AP_SAT_ZERO, Wide>(); conv<W, I, S, Q, AP_SAT_SYM, Wide>();
  conv<W, I, S, Q, AP_SAT, ap_fixed_base<32, 32, true, AP_TRN, AP_WRAP, 0> >();
}

template <int W, int I, bool S>
void modes() {
  modes_q<W, I, S, AP_TRN>(); modes_q<W, I, S, AP_TRN_ZERO>(); modes_q<W, I, S, AP_RND>();
  modes_q<W, I, S, AP_RND_ZERO>(); modes_q<W, I, S, AP_RND_MIN_INF>(); modes_q<W, I, S, AP_RND_INF>();
  modes_q<W, I, S, AP_RND_CONV>();
}

template <class A, class B>
void arith() {
  for (int i = 0; i < kSamples; i++) {
    A a = sample<A>(i);
    B b = sample<B>((i * 7 + 3) % kSamples);
    printf("add %s %s %s %s %s %s\n", fmt(a).c_str(), raw(a).c_str(), fmt(b).c_str(), raw(b).c_str(), fmt(a + b).c_str(), raw(a + b).c_str());
    printf("sub %s %s %s %s %s %s\n", fmt(a).c_str(), raw(a).c_str(), fmt(b).c_str(), raw(b).c_str(), fmt(a - b).c_str(), raw(a - b).c_str());
    printf("mul %s %s %s %s %s %s\n", fmt(a).c_str(), raw(a).c_str(), fmt(b).c_str(), raw(b).c_str(), fmt(a * b).c_str(), raw(a * b).c_str());
    printf("cmp %s %s %s %s %d%d%d%d%d%d\n", fmt(a).c_str(), raw(a).c_str(), fmt(b).c_str(), raw(b).c_str(),
           a == b, a != b, a < b, a <= b, a > b, a >= b);
  }
}

template <class A>
void unary() {
  for (int i = 0; i < kSamples; i++) {
    A a = sample<A>(i);
    printf("neg %s %s %s %s\n", fmt(a).c_str(), raw(a).c_str(), fmt(-a).c_str(), raw(-a).c_str());
    int sh = (int)(next() % (2 * A::width - 1)) - (A::width - 1); // |count| below the width
    printf("shl %s %s %d %s\n", fmt(a).c_str(), raw(a).c_str(), sh, raw(a << sh).c_str());
    printf("shr %s %s %d %s\n", fmt(a).c_str(), raw(a).c_str(), sh, raw(a >> sh).c_str());
    printf("toint %s %s %lld\n", fmt(a).c_str(), raw(a).c_str(), (long long)a.to_int64());
    double d = a.to_double();
    uint64_t db; memcpy(&db, &d, 8);
    printf("todouble %s %s %llu\n", fmt(a).c_str(), raw(a).c_str(), (unsigned long long)db);
  }
}

template <int W>
void ints() {
  for (int i = 0; i < kSamples; i++) {
    ap_int<W> a = sample<ap_int<W> >(i);
    ap_uint<W> u = sample<ap_uint<W> >(i);
    int sh = (int)(next() % (2 * W - 1)) - (W - 1);
    printf("shl %s %s %d %s\n", fmt(a).c_str(), raw(a).c_str(), sh, raw(ap_int<W>(a << sh)).c_str());
    printf("shr %s %s %d %s\n", fmt(u).c_str(), raw(u).c_str(), sh, raw(ap_uint<W>(u >> sh)).c_str());
    printf("neg %s %s %s %s\n", fmt(u).c_str(), raw(u).c_str(), fmt(-u).c_str(), raw(-u).c_str());
  }
}

template <int W, int I>
void shape() {
  unary<ap_fixed<W, I> >();
  unary<ap_ufixed<W, I> >();
  conv<W, I, true, AP_TRN, AP_WRAP, ap_fixed<64, I + 8> >();
  conv<W, I, false, AP_RND, AP_SAT, ap_fixed<64, I + 8> >();
}

int main() {
  // All 28 mode pairs at three shapes, signed and unsigned.
  modes<8, 3, true>(); modes<8, 3, false>(); modes<18, 9, true>(); modes<18, 9, false>();
  modes<40, 40, true>(); modes<40, 12, false>();
  // Shapes W in {8, 16, 18, 24, 32, 40} with I at 0, a few bits, half, all, and past the width.
  shape<8, 0>(); shape<8, 3>(); shape<8, 8>(); shape<16, 6>(); shape<16, 16>(); shape<18, 9>(); shape<18, 2>();
  shape<24, 12>(); shape<24, 24>(); shape<32, 16>(); shape<32, 32>(); shape<40, 20>(); shape<40, 8>(); shape<16, 20>();
  ints<8>(); ints<18>(); ints<32>(); ints<40>();
  // Arithmetic between shapes: equal, mixed widths and points, mixed signedness, ints, and the 64-bit edge.
  arith<ap_fixed<8, 3>, ap_fixed<8, 3> >(); arith<ap_fixed<16, 6>, ap_fixed<8, 2> >();
  arith<ap_fixed<18, 9>, ap_ufixed<18, 4> >(); arith<ap_ufixed<24, 12>, ap_fixed<16, 16> >();
  arith<ap_ufixed<16, 8>, ap_ufixed<8, 8> >(); arith<ap_int<32>, ap_fixed<40, 20> >();
  arith<ap_fixed<40, 8>, ap_fixed<32, 30> >(); arith<ap_uint<40>, ap_int<24> >();
  arith<ap_fixed<64, 32>, ap_fixed<64, 16> >(); arith<ap_uint<64>, ap_int<64> >();
  arith<ap_fixed<16, 0>, ap_ufixed<8, 0> >(); arith<ap_int<8>, ap_uint<8> >();
  return 0;
}
