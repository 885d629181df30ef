"""Rights at the repository level: every role, every action, in its own unit and in another.

The expected matrix is written out here by hand from the issue (not read from
db.permissions), so a change to the rules must change this table too.
"""

import shutil
from datetime import date

import pytest

from db import (
    ACTIONS,
    PermissionDeniedError,
    add_annotation,
    add_baseline,
    add_entry,
    add_membership,
    backup,
    create_board_link,
    create_package,
    create_unit,
    create_user,
    delete_user,
    export_rows,
    find_indicator,
    find_unit,
    find_user,
    import_file,
    make_engine,
    read_audit,
    read_overview_series,
    read_series,
    read_session,
    record_board_meeting,
    redact_text,
    rename_unit,
    restore,
    revoke_board_link,
    role_may,
    set_unit_indicators,
    switch_sampling,
    write_session,
)
from reports import month_of, report_content, scope_of

TODAY = date(2026, 11, 22)
SYSTEM = "system:test"
# What each role may do in its own units (a leader's: the units of its area). In a unit
# outside them nobody but an administrator may do anything.
OWN = {
    "registrant": {"unit.read", "entry.write"},
    "teamleder": {"unit.read", "entry.write", "annotation.write", "baseline.write",
                  "sampling.write", "board.write", "overview.read"},
    "leder": {"unit.read", "overview.read", "report"},
    "admin": set(ACTIONS),
}
ROLES = tuple(OWN)
# Actions on the database as a whole: they have no "own unit".
WHOLE_DATABASE = {"indicator.admin", "user.admin", "audit.read", "export", "import", "restore"}


@pytest.fixture(scope="module")
def world_template(tmp_path_factory, migrated_template):
    """A municipality with areas Nord (unit Solbakken) and Syd (unit Akutteamet), and a user
    per role: registrant and team leader of Solbakken, leader of Nord, an administrator."""
    path = tmp_path_factory.mktemp("permissions") / "world.db"
    shutil.copyfile(migrated_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with write_session(engine) as session:
        top = create_unit("Kommunen", kind="municipality", parent_id=None, session=session,
                          actor=SYSTEM, code="kommunen")
        nord = create_unit("Område Nord", kind="area", parent_id=top, session=session,
                           actor=SYSTEM, code="nord")
        syd = create_unit("Område Syd", kind="area", parent_id=top, session=session,
                          actor=SYSTEM, code="syd")
        own = create_unit("Solbakken", kind="unit", parent_id=nord, session=session,
                          actor=SYSTEM, code="solbakken")
        other = create_unit("Akutteamet", kind="unit", parent_id=syd, session=session,
                            actor=SYSTEM, code="akutteamet")
        triage = find_indicator("triage_dagligt", session=session).id
        for unit in (own, other):
            set_unit_indicators(unit, [triage], session=session, actor=SYSTEM)
            add_entry(unit, triage, TODAY, numerator=20, denominator=25, session=session,
                      actor=SYSTEM, today=TODAY)
        for role, membership in (("registrant", own), ("teamleder", own), ("leder", nord),
                                 ("admin", None)):
            user = create_user(role, role=role, session=session, actor=SYSTEM)
            if membership is not None:
                add_membership(user, membership, session=session, actor=SYSTEM)
    backup(engine, path.with_name("backup.db"))
    engine.dispose()
    return path


@pytest.fixture
def world(world_template, tmp_path):
    """A fresh copy of the world: its engine, the two units' ids, and the backup's path."""
    path = tmp_path / "world.db"
    shutil.copyfile(world_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with read_session(engine) as session:
        units = {code: find_unit(code, session=session) for code in ("solbakken", "akutteamet")}
        triage = find_indicator("triage_dagligt", session=session).id
    yield {"engine": engine, "own": units["solbakken"], "other": units["akutteamet"],
           "triage": triage, "backup": world_template.with_name("backup.db")}
    engine.dispose()


# Each action done once, by actor, to unit (the unit is ignored by whole-database actions).
PERFORM = {
    "unit.read": lambda s, w, a, u: read_series(u, w["triage"], session=s, actor=a),
    "entry.write": lambda s, w, a, u: add_entry(u, w["triage"], TODAY, numerator=1,
                                                denominator=2, session=s, actor=a, today=TODAY),
    "annotation.write": lambda s, w, a, u: add_annotation(u, TODAY, "Ny madras", session=s,
                                                          actor=a, today=TODAY),
    "baseline.write": lambda s, w, a, u: add_baseline(u, w["triage"], "freeze", TODAY,
                                                      "Før PDSA", session=s, actor=a, today=TODAY),
    "sampling.write": lambda s, w, a, u: switch_sampling(u, "tidlig_opsporing", TODAY, session=s,
                                                         actor=a, today=TODAY),
    "board.write": lambda s, w, a, u: record_board_meeting(u, TODAY, session=s, actor=a,
                                                           today=TODAY),
    "overview.read": lambda s, w, a, u: read_overview_series(session=s, actor=a, unit_ids=[u]),
    "report": lambda s, w, a, u: report_content(scope_of(u, session=s), month_of(TODAY),
                                                session=s, actor=a, today=TODAY),
    "unit.admin": lambda s, w, a, u: rename_unit(u, "Nyt navn", session=s, actor=a),
    "indicator.admin": lambda s, w, a, u: create_package("egen", "Egen", "Own", session=s,
                                                         actor=a),
    "user.admin": lambda s, w, a, u: create_user("ny-bruger", role="registrant", session=s,
                                                 actor=a),
    "board_link.admin": lambda s, w, a, u: create_board_link(u, session=s, actor=a),
    "redact": lambda s, w, a, u: redact_text("ingen steder", session=s, actor=a),
    "audit.read": lambda s, w, a, u: read_audit(session=s, actor=a),
    "export": lambda s, w, a, u: export_rows(session=s, actor=a),
    "import": lambda s, w, a, u: import_file(
        "enhed;indikator;dato;tæller;nævner\nsolbakken;triage_dagligt;21-11-2026;3;4\n".encode(),
        filename="tal.csv", session=s, actor=a, today=TODAY),
}


def perform(world, action: str, actor: str, unit_id: int) -> None:
    """Do action as actor in its own transaction."""
    if action == "restore":  # the whole database, from a file: no session of the caller's
        restore(world["engine"], world["backup"], actor=actor)
        return
    with write_session(world["engine"]) as session:
        PERFORM[action](session, world, actor, unit_id)


def cases():
    for role in ROLES:
        for action in ACTIONS:
            for where in (("database",) if action in WHOLE_DATABASE else ("own", "other")):
                allowed = action in OWN[role] and (where != "other" or role == "admin")
                yield pytest.param(role, action, where, allowed,
                                   id=f"{role}-{action}-{where}-{'allowed' if allowed else 'refused'}")


def test_every_action_of_the_matrix_has_a_call_that_does_it():
    assert set(PERFORM) | {"restore"} == set(ACTIONS)


@pytest.mark.parametrize(("role", "action", "where", "allowed"), list(cases()))
def test_each_role_may_do_what_the_matrix_allows_and_nothing_else(world, role, action, where,
                                                                 allowed):
    unit_id = world["other"] if where == "other" else world["own"]
    if allowed:
        perform(world, action, role, unit_id)
    else:
        with pytest.raises(PermissionDeniedError, match=role):
            perform(world, action, role, unit_id)


@pytest.mark.parametrize("role", ROLES)
def test_a_roles_row_of_the_matrix_holds_what_it_may_do_in_its_own_units(role):
    assert {action for action in ACTIONS if role_may(role, action)} == OWN[role]


def test_an_unknown_role_may_do_nothing_and_an_unknown_action_is_refused_by_name():
    assert not any(role_may(role, action) for role in ("board-link", "Admin", "")
                   for action in ACTIONS)
    with pytest.raises(ValueError, match="overview.write"):
        role_may("admin", "overview.write")


def test_a_leader_reports_on_the_whole_area_but_not_on_the_municipality(world):
    with read_session(world["engine"]) as session:
        nord, top = find_unit("nord", session=session), find_unit("kommunen", session=session)
        content = report_content(scope_of(nord, session=session), month_of(TODAY),
                                 session=session, actor="leder", today=TODAY)
        assert [unit.unit.code for unit in content.units] == ["solbakken"]
        with pytest.raises(PermissionDeniedError):
            report_content(scope_of(top, session=session), month_of(TODAY), session=session,
                           actor="leder", today=TODAY)


def test_a_refused_write_leaves_no_row_and_no_audit_row(world):
    with read_session(world["engine"]) as session:
        before = len(read_audit(session=session, actor=SYSTEM))
    with pytest.raises(PermissionDeniedError):
        perform(world, "entry.write", "registrant", world["other"])
    with read_session(world["engine"]) as session:
        assert len(read_audit(session=session, actor=SYSTEM)) == before


@pytest.mark.parametrize("actor", ["", " ", "nobody", "Registrant", "board-link:99"])
def test_no_actor_an_unknown_user_and_an_unknown_link_may_do_nothing(world, actor):
    for action in ("unit.read", "entry.write"):
        with pytest.raises(PermissionDeniedError):
            perform(world, action, actor, world["own"])


def test_a_deactivated_user_loses_every_right_at_once(world):
    perform(world, "entry.write", "teamleder", world["own"])
    with write_session(world["engine"]) as session:
        delete_user(find_user("teamleder", session=session).id, session=session,
                    actor=SYSTEM)
    with pytest.raises(PermissionDeniedError, match="deaktiveret"):
        perform(world, "unit.read", "teamleder", world["own"])


def test_a_board_link_reads_its_own_unit_only_and_stops_when_revoked(world):
    with write_session(world["engine"]) as session:
        link = create_board_link(world["own"], label="Personalestuen", session=session,
                                 actor="admin")
    actor = f"board-link:{link.id}"
    perform(world, "unit.read", actor, world["own"])
    for action, unit in (("unit.read", world["other"]), ("entry.write", world["own"]),
                         ("board.write", world["own"])):
        with pytest.raises(PermissionDeniedError):
            perform(world, action, actor, unit)
    with write_session(world["engine"]) as session:
        revoke_board_link(link.id, session=session, actor="admin")
    with pytest.raises(PermissionDeniedError, match="trukket tilbage"):
        perform(world, "unit.read", actor, world["own"])


def test_the_program_itself_may_do_everything_and_no_username_can_pose_as_it(world):
    perform(world, "entry.write", "cli:anna", world["other"])
    perform(world, "audit.read", "system", world["other"])
    for name in ("system", "cli:anna", "system:x", "board-link:1"):
        with pytest.raises(Exception, match="brugernavn|username"):
            perform_create_user(world, name)


def perform_create_user(world, username):
    with write_session(world["engine"]) as session:
        create_user(username, role="admin", session=session, actor=SYSTEM)


def test_rights_read_together_are_those_read_one_by_one_in_fewer_queries(world):
    # Registrations written together name many users (db.entry_batches): one read for all.
    from sqlalchemy import event

    from db.permissions import read_rights, rights_of

    with write_session(world["engine"]) as session:
        delete_user(find_user("registrant", session=session).id, session=session, actor=SYSTEM)
        for number in range(6):
            user = create_user(f"sygeplejerske-{number}", role="registrant", session=session,
                               actor=SYSTEM)
            add_membership(user, world["own"] if number % 2 else find_unit("nord", session=session),
                           session=session, actor=SYSTEM)
    actors = ["teamleder", "leder", "admin", "registrant", "nobody", "system:x",
              *(f"sygeplejerske-{number}" for number in range(6))]
    alone = {}
    for actor in actors:
        with read_session(world["engine"]) as session:
            try:
                alone[actor] = rights_of(actor, session=session)
            except PermissionDeniedError as refused:
                alone[actor] = str(refused)
    statements = []
    with read_session(world["engine"]) as session:
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(world["engine"], "before_cursor_execute", listener)
        try:
            read_rights(actors, session=session)
        finally:
            event.remove(world["engine"], "before_cursor_execute", listener)
        together = {}
        for actor in actors:
            try:
                together[actor] = rights_of(actor, session=session)
            except PermissionDeniedError as refused:
                together[actor] = str(refused)
    assert together == alone
    assert not isinstance(alone["teamleder"], str) and "deaktiveret" in alone["registrant"]
    assert alone["sygeplejerske-0"].unit_ids >= {world["own"]}  # a member of Nord reaches its units
    queries = [sql for sql in statements if sql != "BEGIN"]
    assert len(queries) <= 4  # users, memberships, municipalities, units: not per user
