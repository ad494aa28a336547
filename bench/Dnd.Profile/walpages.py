#!/usr/bin/env python3
"""Which tables and indexes a load dirties: reads the frames of a live SQLite database's WAL and names the B-tree each
page belongs to. Each distinct page a commit changes is one frame (4 KiB written, checksummed and synced, then read
back and written again by the checkpoint), so pages per commit is the write path's I/O bill.

  walpages.py DATABASE   (run it while the load runs, e.g. on /tmp/dnd-prof/dnd.db during bench/Dnd.Profile)

Copies the database and its -wal first (not atomically: a few frames may be torn, which the salts leave out).
Pages are named from the main file alone (sqlite's dbstat), so a page the WAL added past its end is '(new page)'.
Divide by the jobs per commit (DND_WRITER_STATS' jobs/request over --perfstat's fsyncs/request) for pages per job.
"""
import collections, os, shutil, sqlite3, struct, sys, tempfile

db = sys.argv[1]
work = tempfile.mkdtemp()
shutil.copy(db + '-wal', os.path.join(work, 'copy.db-wal-frames'))
shutil.copy(db, os.path.join(work, 'copy.db'))
wal = open(os.path.join(work, 'copy.db-wal-frames'), 'rb').read()
_, _, page_size, _, salt1, salt2, _, _ = struct.unpack('>8I', wal[:32])

# The current generation: frames carrying the header's salts, from the start until the first that doesn't.
commits, current, offset = [], set(), 32
while offset + 24 + page_size <= len(wal):
    page, db_size, s1, s2, _, _ = struct.unpack('>6I', wal[offset:offset + 24])
    if (s1, s2) != (salt1, salt2):
        break
    current.add(page)
    if db_size:  # a commit's last frame records the database's size
        commits.append(current)
        current = set()
    offset += 24 + page_size
if not commits:
    sys.exit('no whole commit in the WAL yet')

# The copy has no -wal beside it, so dbstat reads the main file's B-trees only.
owner = {page: name for name, page in sqlite3.connect(os.path.join(work, 'copy.db')).execute('SELECT name, pageno FROM dbstat')}
shutil.rmtree(work)
count = collections.Counter(owner.get(page, '(new page)') for commit in commits for page in commit)
total = sum(count.values())
print(f'{len(commits)} commits, {total / len(commits):.1f} distinct pages each (page size {page_size})')
for name, n in count.most_common(30):
    print(f'{n / len(commits):8.1f} pages per commit  {100 * n / total:5.1f} %  {name}')
