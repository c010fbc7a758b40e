#!/usr/bin/env bash
# Which loops of a method C2 compiled to SIMD: prints each loop of the method's last C2
# compilation with its instruction count and how many of them are vector instructions
# (zmm/ymm/xmm operands of v-prefixed AVX instructions).
#
#   benchmarks/simd-loops.sh 'org.camlab.core.LumaKernel$Band::stencil' [BENCHMARK]
#
# BENCHMARK (default CoreBenchmark.lumaPass) is run briefly at 1080p to get the method compiled.
# HotSpot prints the machine code as hex when no hsdis disassembler plugin is installed, so the
# bytes are taken from that dump and disassembled with objdump (binutils). A loop whose body has
# no vector instructions runs one pixel at a time; benchmarks/RESULTS.md says which Java shapes
# Java 17's C2 vectorises.
set -euo pipefail
method=${1:?usage: simd-loops.sh 'package.Class\$Inner::method' [BENCHMARK]}
bench=${2:-CoreBenchmark.lumaPass}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v objdump >/dev/null || { echo "simd-loops: objdump is missing (apt-get install binutils)" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out" "$out.bin"' EXIT
java -jar "$here/target/benchmarks.jar" "$bench" -p size=1080p -f 1 -wi 1 -i 1 -w 2s -r 1s \
  -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet -XX:CompileCommand=print,$method" >"$out" 2>&1
python3 - "$out" <<'PY'
import re, subprocess, sys
text = open(sys.argv[1]).read()
starts = [m.start() for m in re.finditer(r'Compiled method \(c2\)[^\n]*', text) if ' % ' not in m.group(0)]
if not starts:
    sys.exit("simd-loops: no C2 compilation of the method was printed (is the name right?)")
block = text[starts[-1]:]
print(block.splitlines()[0])
end = block.find('Compiled method', 10)
block = block[:end if end > 0 else len(block)]
code = block[block.index('[MachCode]'):]
data = b''
for line in code.splitlines():
    m = re.match(r'\s+0x[0-9a-f]+: ((?:[0-9a-f]{2,8} ?\|? ?)+)\s*$', line)
    if m:
        data += bytes.fromhex(re.sub(r'[ |]', '', m.group(1)))
open(sys.argv[1] + '.bin', 'wb').write(data)
asm = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', sys.argv[1] + '.bin'],
                     capture_output=True, text=True, check=True).stdout
ins = []
for line in asm.splitlines():
    parts = line.split('\t')
    if len(parts) >= 3 and parts[0].strip().endswith(':'):
        ins.append((int(parts[0].strip()[:-1], 16), parts[2].strip()))
for addr, text_ in ins:
    m = re.match(r'j\w+\s+0x([0-9a-f]+)', text_)
    if m and int(m.group(1), 16) < addr:
        body = [t for a, t in ins if int(m.group(1), 16) <= a <= addr]
        vec = sum(1 for t in body if re.match(r'v\w+\s', t) and re.search(r'[xyz]mm', t))
        wide = sum(1 for t in body if re.search(r'[yz]mm', t))
        print(f"loop {int(m.group(1), 16):#06x}-{addr:#06x}: {len(body):4d} instructions, {vec:3d} vector ({wide} on ymm/zmm)")
PY
