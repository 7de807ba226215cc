#!/usr/bin/env bash
# Regenerates codegen/Accel.Resources/operator-costs.json: the LUT/FF/DSP48E2 cost of every operator the
# resource estimator asks for, by operand and result width, synthesised with Yosys for UltraScale+
# (synth_xilinx -family xcup). Each operator is one Verilog module whose result is registered once: the
# model the estimator uses for a pipelined datapath (one register stage per operator; Yosys folds it into
# the DSP48E2 where it can, as Vivado does). Inputs come from the previous stage, so they are not registered.
# These are Yosys figures, not Vivado's: a calibration of relative sizes, not a synthesis result.
#
# usage: scripts/yosys/calibrate.sh [output.json]     (needs yosys; Debian: apt-get install -y yosys)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/codegen/Accel.Resources/operator-costs.json}"
command -v yosys >/dev/null || { echo "calibrate.sh: yosys not found (Debian: apt-get install -y yosys)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
synth='synth_xilinx -family xcup -noiopad -flatten -top op'
entries=()

# synthesise <op> <a> <b> <out> <verilog body>: appends one JSON entry with the cell counts of `stat`.
synthesise() {
    local op="$1" a="$2" b="$3" o="$4" body="$5" v="$work/$1_$2_$3_$4.v" s="$work/$1_$2_$3_$4.stat"
    printf '%s\n' "$body" > "$v"
    yosys -q -p "read_verilog $v; $synth; tee -q -o $s stat" > /dev/null
    # stat lists cells by type: 6-input LUTs and their smaller forms, flip-flops, DSPs, carry chains, wide muxes.
    read -r lut ff dsp carry muxf lutram < <(awk '
        $1 ~ /^LUT[1-6]$/ { lut += $2 } $1 ~ /^FD[RSCP]E$/ { ff += $2 } $1 == "DSP48E2" { dsp += $2 }
        $1 ~ /^CARRY[48]$/ { carry += $2 } $1 ~ /^MUXF[789]$/ { muxf += $2 } $1 ~ /^(RAM|SRL)/ { lutram += $2 }
        END { printf "%d %d %d %d %d %d\n", lut, ff, dsp, carry, muxf, lutram }' "$s")
    entries+=("{ \"op\": \"$op\", \"a\": $a, \"b\": $b, \"out\": $o, \"lut\": $lut, \"ff\": $ff, \"dsp\": $dsp, \"carry\": $carry, \"muxf\": $muxf, \"lutram\": $lutram }")
    echo "  $op a=$a b=$b out=$o: LUT $lut FF $ff DSP $dsp CARRY $carry MUXF $muxf" >&2
}

binary() { # binary <op> <a> <b> <out> <verilog operator expression over a, b> [signed]
    synthesise "$1" "$2" "$3" "$4" "module op(input clk, input signed [$(($2-1)):0] a, input signed [$(($3-1)):0] b, output reg signed [$(($4-1)):0] y);
always @(posedge clk) y <= $5;
endmodule"
}

log2() { local n=1 k=0; while (( n < $1 )); do n=$((n * 2)); k=$((k + 1)); done; echo "$k"; }

echo "multipliers (signed; result = the low 'out' bits, as C# int/long multiply keeps them)" >&2
widths=(8 12 16 18 24 27 32 48 64)
for ((i = 0; i < ${#widths[@]}; i++)); do
    for ((j = 0; j <= i; j++)); do
        a=${widths[i]} b=${widths[j]}
        full=$((a + b > 64 ? 64 : a + b))
        binary mul "$a" "$b" "$full" 'a * b'
        # int * int keeps 32 bits: a narrower result needs fewer partial products.
        if (( a <= 32 && a + b > 32 )); then binary mul "$a" "$b" 32 'a * b'; fi
    done
done

echo "adders, comparators, logic" >&2
for w in 8 16 24 32 48 64; do
    binary add "$w" "$w" "$w" 'a + b'
    binary sub "$w" "$w" "$w" 'a - b'
    binary lt "$w" "$w" 1 'a < b'
    binary eq "$w" "$w" 1 'a == b'
done
for w in 1 8 16 32 64; do binary and "$w" "$w" "$w" 'a & b'; done

echo "2:1 multiplexers (select from a registered condition)" >&2
for w in 1 8 16 32 64; do
    synthesise mux "$w" "$w" "$w" "module op(input clk, input s, input [$((w-1)):0] a, input [$((w-1)):0] b, output reg [$((w-1)):0] y);
always @(posedge clk) y <= s ? a : b;
endmodule"
done

echo "N:1 multiplexers (a read of a register array by a run-time index): a = width, b = inputs" >&2
for n in 4 8 16 32 64 128 256; do
    k=$(log2 "$n")
    synthesise muxn 32 "$n" 32 "module op(input clk, input [$((k-1)):0] s, input [$((32*n-1)):0] d, output reg [31:0] y);
always @(posedge clk) y <= d[s*32 +: 32];
endmodule"
done

echo "barrel shifters (run-time amount; a = data width, b = amount width)" >&2
for w in 8 16 32 64; do
    k=$(log2 "$w")
    synthesise shl "$w" "$k" "$w" "module op(input clk, input [$((w-1)):0] a, input [$((k-1)):0] b, output reg [$((w-1)):0] y);
always @(posedge clk) y <= a << b;
endmodule"
    synthesise shr "$w" "$k" "$w" "module op(input clk, input signed [$((w-1)):0] a, input [$((k-1)):0] b, output reg signed [$((w-1)):0] y);
always @(posedge clk) y <= a >>> b;
endmodule"
done

echo "leading-zero count (halving search, as accel_fixed.h computes it)" >&2
for w in 32 64; do
    k=$(($(log2 "$w") + 1))
    steps=""
    for ((s = w / 2; s >= 1; s /= 2)); do
        steps+="    if (x[$((w-1)):$((w-s))] == 0) begin n = n + $s; x = x << $s; end
"
    done
    synthesise clz "$w" 0 "$k" "module op(input clk, input [$((w-1)):0] a, output reg [$((k-1)):0] y);
reg [$((w-1)):0] x; reg [$((k-1)):0] n;
always @* begin
    x = a; n = 0;
$steps    if (a == 0) n = $w;
end
always @(posedge clk) y <= n;
endmodule"
done

echo "dividers (combinational array, signed; HLS pipelines these, with about as many LUTs)" >&2
for w in 8 16 32 64; do
    binary div "$w" "$w" "$w" 'a / b'
    binary rem "$w" "$w" "$w" 'a % b'
done

version="$(yosys -V)"
{
    printf '{\n'
    printf '  "generator": "scripts/yosys/calibrate.sh",\n'
    printf '  "yosys": "%s",\n' "$version"
    printf '  "command": "yosys -q -p \\"read_verilog op.v; %s; stat\\"",\n' "$synth"
    printf '  "model": "one module per operator and width; the result is registered once (ff), inputs are not; lut counts LUT1..LUT6; carry (CARRY4/8) and muxf (MUXF7/8/9) are listed but not LUTs",\n'
    printf '  "operators": [\n'
    for ((i = 0; i < ${#entries[@]}; i++)); do
        printf '    %s%s\n' "${entries[i]}" "$([[ $i -lt $((${#entries[@]} - 1)) ]] && echo ,)"
    done
    printf '  ]\n}\n'
} > "$out"
echo "wrote $out (${#entries[@]} operators, $version)" >&2
