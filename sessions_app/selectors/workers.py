"""Who is there to do the work: the workers alive now (from their heartbeats) and a queued
session's place in the queue. The progress page says what happens next from these, so it never
promises a takeover no worker is there to make."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sessions_app.models import Session, WorkerHeartbeat

# A worker that has not said it is alive for this long is gone (it beats every few seconds).
HEARTBEAT_FRESH_SECONDS = 30


@dataclass(frozen=True)
class Workers:
    """The workers alive at one moment, as far as one session is concerned."""

    alive: int
    # Alive and holding no session: one of these picks up queued work within seconds.
    idle: int
    # The worker holding the session is alive (it may be busy on a long page).
    holder_alive: bool

    @property
    def others(self) -> int:
        """Alive workers other than the session's holder."""
        return self.alive - (1 if self.holder_alive else 0)


def alive_heartbeats(now: datetime):
    """Heartbeats seen within HEARTBEAT_FRESH_SECONDS of `now`."""
    manager = WorkerHeartbeat.objects
    if hasattr(manager, "alive"):
        return manager.alive(now)
    return manager.filter(last_seen_at__gte=now - timedelta(seconds=HEARTBEAT_FRESH_SECONDS))


def workers_for(session: Session, *, now: datetime) -> Workers:
    """The workers alive at `now`, and whether the one holding `session` is among them (one
    query)."""
    rows = list(alive_heartbeats(now).values_list("name", "session_id"))
    return Workers(
        alive=len(rows),
        idle=sum(1 for _, held in rows if held is None),
        holder_alive=bool(session.claimed_by) and any(n == session.claimed_by for n, _ in rows),
    )


def queue_position(session: Session) -> int | None:
    """1 for the next session a worker takes, 2 for the one after, …; None if not queued. The
    order is the claim's: oldest queued first."""
    if not session.is_queued:
        return None
    ahead = Session.objects.queued().filter(queued_at__lt=session.queued_at).count()
    return ahead + 1


def queue_positions(sessions: list[Session]) -> dict:
    """Queue positions of the queued sessions among `sessions`, in one query."""
    queued = [session for session in sessions if session.is_queued]
    if not queued:
        return {}
    earliest = min(session.queued_at for session in queued)
    latest = max(session.queued_at for session in queued)
    before = Session.objects.queued().filter(queued_at__lt=earliest).count()
    window = list(
        Session.objects.queued()
        .filter(queued_at__gte=earliest, queued_at__lte=latest)
        .order_by("queued_at")
        .values_list("pk", "queued_at")
    )
    positions = {}
    for session in queued:
        ahead = sum(1 for _, at in window if at < session.queued_at)
        positions[session.pk] = before + ahead + 1
    return positions


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
