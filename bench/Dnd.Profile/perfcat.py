#!/usr/bin/env python3
"""Groups a `perf record` of the server (run with --perf; perf maps on) into where its CPU goes.
  perfcat.py FILE.perf.data [µs per request to scale to]"""
import subprocess, sys, re, collections
out = subprocess.run(['perf', 'report', '-i', sys.argv[1], '--no-children', '--sort', 'dso,sym', '--stdio', '-g', 'none'],
                     capture_output=True, text=True).stdout
scale = float(sys.argv[2]) if len(sys.argv) > 2 else None
cat = collections.Counter()
top = collections.defaultdict(collections.Counter)
for line in out.splitlines():
    m = re.match(r'\s*([\d.]+)%\s+(\S+(?: tid \d+)?)\s+\[(.)\]\s+(.*)', line)
    if not m:
        continue
    pct, dso, kind, sym = float(m[1]), m[2], m[3], m[4].strip()
    if dso.startswith('[kernel'):
        k = 'kernel: scheduler/context switch' if re.search(r'sched|task_switch|switch_to|yield|futex|wake|irqentry|tick', sym) else \
            'kernel: file/WAL/page cache' if re.search(r'ext4|filemap|folio|block_|buffer|jbd|pagecache|page_cache|xas_|iomap|writeback|mpage|bio|fdatasync|file', sym) else \
            'kernel: network' if re.search(r'tcp|skb|sock|net|ip_|__dev|loopback|inet|napi|softirq', sym) else 'kernel: other'
    elif 'sqlite' in dso:
        k = 'SQLite (libe_sqlite3)'
    elif dso.startswith('libc') or dso.startswith('ld-linux'):
        k = 'libc (malloc, mutexes, memcpy; mostly for SQLite)'
    elif 'coreclr' in dso or 'clrjit' in dso:
        k = 'CoreCLR runtime (GC, stubs, thread pool)'
    elif 'crypto' in dso:
        k = 'OpenSSL (HMAC, SHA)'
    elif dso.startswith('[JIT]') or dso.startswith('memfd'):
        if re.search(r'SQLitePCL|SafeHandle|StubHelpers|IL_STUB_PInvoke', sym): k = 'managed: SQLite interop (SQLitePCL, SafeHandles)'
        elif re.search(r'\[Dnd\.', sym): k = 'managed: Dnd code'
        elif re.search(r'AspNetCore|Kestrel|WebUtilities|Pipelines', sym): k = 'managed: ASP.NET Core / Kestrel'
        elif re.search(r'Microsoft.Data.Sqlite', sym): k = 'managed: Microsoft.Data.Sqlite'
        elif re.search(r'EntityFramework', sym): k = 'managed: EF Core'
        elif re.search(r'Threading|ThreadPool|Tasks', sym): k = 'managed: threads, tasks, thread pool'
        elif re.search(r'Text.Json|Json', sym): k = 'managed: JSON'
        else: k = 'managed: other BCL (strings, collections, casts)'
    else:
        k = 'other: ' + dso
    cat[k] += pct
    top[k][sym[:110]] += pct
total = sum(cat.values())
for k, v in cat.most_common():
    extra = f'  ~{v / total * scale:5.1f} µs/request' if scale else ''
    print(f'{v:6.1f}%{extra}  {k}')
    for s, p in top[k].most_common(4):
        print(f'           {p:5.2f}%  {s}')
