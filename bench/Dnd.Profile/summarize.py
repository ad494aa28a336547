#!/usr/bin/env python3
"""Summarizes a dotnet-trace speedscope file (dotnet-sampled-thread-time) of the server under load.

The sampler records every managed thread's stack, running or not, so stacks whose leaf is a wait (thread pool idle,
epoll, a semaphore, Monitor.Wait) are set aside as idle; what remains approximates CPU time (a thread preempted by
the OS still counts as running). Prints, over the non-idle time, the top frames by self time and by inclusive time,
and the split between the SQLite batch writer's loop and everything else (the request threads).

  summarize.py FILE.speedscope.json [--top 40] [--under SUBSTRING] [--callees SUBSTRING]
"""
import json, sys, collections, argparse, re

p = argparse.ArgumentParser()
p.add_argument('file')
p.add_argument('--top', type=int, default=40)
p.add_argument('--under', default=None, help='only stacks containing a frame with this substring')
p.add_argument('--callees', default=None, help='inclusive time of the direct callees of frames with this substring')
p.add_argument('--tree', default=None, help='call tree below the first frame with this substring')
p.add_argument('--min', type=float, default=1.0, help='tree: hide nodes under this % of the root')
p.add_argument('--depth', type=int, default=12)
p.add_argument('--leaves', action='store_true', help='print idle leaves too')
a = p.parse_args()

d = json.load(open(a.file))
frames = [f['name'] for f in d['shared']['frames']]

IDLE = ('LowLevelLifoSemaphore', 'WaitHandle.Wait', 'Monitor.Wait', 'Thread.Sleep', 'SocketAsyncEngine.EventLoop',
        'Interop+Sys.WaitForSocketEvents', 'WaitOneCore', 'LowLevelMonitor.Wait', 'ManualResetEventSlim.Wait',
        'Thread.SleepInternal', 'Interop+Sys.Read(', 'ReadFile', 'PortableThreadPool+GateThread', 'WaitForSignal',
        'Interop+Sys.LowLevelMonitor_TimedWait', 'Interop+Sys.LowLevelMonitor_Wait', 'Interop+Sys.Poll', 'SemaphoreSlim.Wait',
        'Interop+Sys.WaitForSocketEvents', 'ConsoleLoggerProcessor.ProcessLogQueue', 'BlockingCollection', 'TimerQueue.TimerThread',
        'System.Threading.TimerQueue', 'DiagnosticServer', 'EventPipe', 'Microsoft.Diagnostics')

def idle(stack):
    names = [frames[i] for i in stack]
    if not names:
        return True
    return any(any(k in n for k in IDLE) for n in names[-3:]) or any('ConsoleLoggerProcessor' in n or 'TimerQueue.TimerThread' in n for n in names)

self_t = collections.Counter()
incl_t = collections.Counter()
idle_leaf = collections.Counter()
callee_t = collections.Counter()
tree_t = collections.Counter()
total = busy = writer = 0.0
for prof in d['profiles']:
    stack = []
    last = prof['startValue']
    for e in prof['events']:
        t = e['at']
        dt = t - last
        if dt > 0 and stack:
            total += dt
            if idle(stack):
                idle_leaf[frames[stack[-1]]] += dt
            else:
                names = [frames[i] for i in stack]
                if a.under is None or any(a.under in n for n in names):
                    busy += dt
                    if any('SqliteBatchWriter' in n for n in names):
                        writer += dt
                    leaf = names[-1]
                    if leaf in ('CPU_TIME', 'UNMANAGED_CODE_TIME') and len(names) > 1:
                        leaf = names[-2] + ('  [native]' if leaf == 'UNMANAGED_CODE_TIME' else '')
                    self_t[leaf] += dt
                    if a.tree and any(a.tree in n for n in names):
                        i = next(i for i, n in enumerate(names) if a.tree in n)
                        path = ()
                        for n in names[i:]:
                            path = path + (n,)
                            tree_t[path] += dt
                    for n in set(names):
                        incl_t[n] += dt
                    if a.callees:
                        seen = set()
                        for i, n in enumerate(names[:-1]):
                            if a.callees in n and names[i + 1] not in seen:
                                seen.add(names[i + 1])
                                callee_t[names[i + 1]] += dt
        last = t
        if e['type'] == 'O':
            stack.append(e['frame'])
        else:
            # close the frame (and anything opened above it)
            while stack:
                if stack.pop() == e['frame']:
                    break

print(f'sampled {total/1000:.1f} thread-s; non-idle {busy/1000:.2f} s; of it under SqliteBatchWriter {writer/1000:.2f} s ({100*writer/max(busy,1):.0f}%)')
def show(title, c):
    print(f'\n== {title} (ms, % of non-idle)')
    for n, v in c.most_common(a.top):
        print(f'{v:9.0f} {100*v/max(busy,1):5.1f}%  {n[:200]}')
show('self', self_t)
show('inclusive', incl_t)
if a.callees:
    show('callees of ' + a.callees, callee_t)
if a.leaves:
    show('idle leaves', idle_leaf)

if a.tree and tree_t:
    roots = [k for k in tree_t if len(k) == 1]
    rootv = sum(tree_t[k] for k in roots)
    print(f'\n== tree below {a.tree} (ms, % of it)')
    def short(n):
        n = re.sub(r'\(.*', '', n)
        n = re.sub(r'^[^!]*!', '', n)
        return n[:150]
    kids = collections.defaultdict(list)
    for k in tree_t:
        kids[k[:-1]].append(k)
    def walk(k, depth):
        if depth > a.depth:
            return
        for c in sorted(kids[k], key=lambda c: -tree_t[c]):
            if 100 * tree_t[c] / rootv >= a.min:
                print(f'{tree_t[c]:8.0f} {100*tree_t[c]/rootv:5.1f}% ' + '  ' * depth + short(c[-1]))
                walk(c, depth + 1)
    walk((), 0)
