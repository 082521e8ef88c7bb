# Steps depend on each other (tools/steps.c): when a step is applied again, the steps that read
# what it wrote are stale. They are named with the command to run, status lists them, they
# recompute when run again, and a step refuses to run over a stale one it reads.
$ sapnhap units import samples/units/conversion-2025.csv > /dev/null && sapnhap units import samples/units/pre-reform-list.csv > /dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 > /dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 > /dev/null && sapnhap recode --on 2025-07-01 > /dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 > /dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 > /dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 > /dev/null && sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv; cp sapnhap.db chain.db
reassigned catalog of province 75: procedures=56 bindings=592 dossiers_moved=24 dossiers_queued=0 bindings_queued=0 conflicts=31 default_rule=9

# The conversion table corrected: Thị trấn Đức Phong (25396) goes to Phường Chơn Thành (25432),
# not to a new Xã Bù Đăng. recode and reassign read the unit registry: both are stale.
$ sed 's/^Tỉnh Đồng Nai (75),Xã Bù Đăng,25396,Thị trấn Đức Phong,25396,/Tỉnh Đồng Nai (75),Phường Chơn Thành,25432,Thị trấn Đức Phong,25396,/' samples/units/conversion-2025.csv > conversion.csv && sapnhap units import conversion.csv --event reform-2025 --force
re-imported event 'reform-2025' (conversion, effective 2025-07-01) from conversion.csv [utf-8]: rows=43 links=39 old_communes=36 new_communes=24 new_provinces=4 padded_codes=2
! sapnhap: now stale, as they read what this step changed (see 'sapnhap status'); run again, in this order:
!   sapnhap recode --on 2025-07-01    # recode merged province
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sapnhap status | sed -n '/^stale/,/^$/p'
stale (a step they read was applied after them; run again, in this order):
  recode merged province (journal 5): units import reform-2025 was re-applied after it (journal 10)
      sapnhap recode --on 2025-07-01
  reassign merged catalog (journal 9): recode merged province, which it reads, is stale
      sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv

$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
! sapnhap: error: reassign merged catalog reads what recode merged province wrote, which is stale: units import reform-2025 was re-applied after it (journal 10); run 'sapnhap recode --on 2025-07-01' first
[exit 3]

# Its own options changed as well (another date): that is said, and --force would accept it.
$ sapnhap recode --on 2025-06-30
! sapnhap: error: recode merged province is stale: units import reform-2025 was re-applied after it (journal 10); and its own inputs differ from those it was applied with on 2026-11-20T12:00:00Z: run it with the same options and files, or use --force to replace them
[exit 3]

# Run as before, it recomputes; then reassign can, and does.
$ sapnhap recode --on 2025-07-01
recoded province 75 (level-1 H19 kept; closed H10, K10): kept=17 renumbered=32 merged=37 closed=43 new_commune_committees=20 codes=49 review=2
! sapnhap: recode merged province is stale: units import reform-2025 was re-applied after it (journal 10); recomputing
! sapnhap: now stale, as they read what this step changed (see 'sapnhap status'); run again, in this order:
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
reassigned catalog of province 75: procedures=56 bindings=567 dossiers_moved=24 dossiers_queued=0 bindings_queued=0 conflicts=31 default_rule=9
! sapnhap: reassign merged catalog is stale: units import reform-2025 was re-applied after it (journal 10); recomputing
$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
! sapnhap: reassign merged catalog: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed
$ sapnhap validate --rule commune-without-committee; sapnhap status | grep '^stale' || echo 'nothing stale'
validate: merged province 75 (level-1 codes H19, K19)

error    commune-without-committee      0  a new commune of the merged province, in force, without its committee in the code table

0 error(s) in 0 rule(s), 0 warning(s) in 0 rule(s), 0 info in 0 rule(s): passed
nothing stale

# A replaced agency registry: recode and reassign are named, in order; reassign cannot run before
# recode.
$ cp chain.db sapnhap.db && sed 's/Sở Nội vụ/Sở Nội Vụ/' samples/agencies/binhphuoc.csv > binhphuoc.csv && sapnhap agencies import binhphuoc.csv --province 70 --force
re-imported agency registry of province 70 from binhphuoc.csv: agencies=67 nonconforming=1
! sapnhap: now stale, as they read what this step changed (see 'sapnhap status'); run again, in this order:
!   sapnhap recode --on 2025-07-01    # recode merged province
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sapnhap status | sed -n '/^stale/,/^$/p'
stale (a step they read was applied after them; run again, in this order):
  recode merged province (journal 5): agencies import province 70 was re-applied after it (journal 10)
      sapnhap recode --on 2025-07-01
  reassign merged catalog (journal 9): recode merged province, which it reads, is stale
      sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv

$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv --force
! sapnhap: error: no code table and crosswalk yet: run 'sapnhap recode' first
[exit 3]

# A changed catalog: only reassign reads it.
$ cp chain.db sapnhap.db && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 --force
re-imported catalog of province 70 from samples/catalogs/binhphuoc.csv: procedures=41 bindings=158
! sapnhap: now stale, as they read what this step changed (see 'sapnhap status'); run again, in this order:
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog

# The same inputs with --force: applied again, and what reads it is stale all the same.
$ cp chain.db sapnhap.db && sapnhap recode --on 2025-07-01 --force
recoded province 75 (level-1 H19 kept; closed H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2
! sapnhap: now stale, as they read what this step changed (see 'sapnhap status'); run again, in this order:
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sqlite3 sapnhap.db "SELECT id, step, upstream, command FROM journal ORDER BY id"
1|units import||sapnhap units import samples/units/conversion-2025.csv
2|units import||sapnhap units import samples/units/pre-reform-list.csv
3|agencies import||sapnhap agencies import samples/agencies/binhphuoc.csv --province 70
4|agencies import||sapnhap agencies import samples/agencies/dongnai.xml --province 75
5|recode|1 2 3 4|sapnhap recode --on 2025-07-01
6|catalog import||sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70
7|catalog import||sapnhap catalog import samples/catalogs/dongnai.xml --province 75
8|dossiers import||sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70
9|reassign|1 2 3 4 5 6 7 8|sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
10|recode|1 2 3 4|sapnhap recode --on 2025-07-01 --force

# run after fixing an input it had applied (a name written without its diacritics): that step is applied again without --force (a changed
# input inside a run is the user's intent), and so is reassign, which reads it.
$ sed -e 's#\.\./samples#samples#' -e 's#\.\./run\.db#fix.db#' -e 's#\.\./report#report-fix#' -e 's#samples/catalogs/binhphuoc.csv#cat70.csv#' data/plan-samples.plan > fix.plan && sed 's/Thủ tục đăng ký kết hôn/Thu tuc dang ky ket hon/' samples/catalogs/binhphuoc.csv > cat70.csv && sapnhap run fix.plan > /dev/null 2>&1; echo "[status $?]"
[status 1]
$ cp samples/catalogs/binhphuoc.csv cat70.csv && sapnhap run fix.plan 2>&1 | grep -E '^sapnhap: (catalog|reassign|dossiers)|^migration'; sapnhap --db fix.db status | grep '^stale' || echo 'nothing stale'
sapnhap: catalog import province 70: its inputs changed since it was applied on 2026-11-20T12:00:00Z; applying it again
sapnhap: catalog import province 75: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed
sapnhap: dossiers import province 70: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed
sapnhap: dossiers import province 75: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed
sapnhap: reassign merged catalog is stale: catalog import province 70 was re-applied after it (journal 12); recomputing
migration of province 75 complete, with findings to review.
nothing stale
$ sapnhap run fix.plan 2>&1 | grep -c 'already applied'
11
