"""The async client: rooms for a week of classes created concurrently, then listed.

    MOODHOOD_BASE_URL=... MOODHOOD_TOKEN=<personal token> python examples/async_rooms.py

(or the client-credentials + username/password variables). Many concurrent calls share one token
request: ``AsyncMoodhood`` fetches and renews tokens once for all of them.
"""

from __future__ import annotations

import asyncio

from moodhood import AsyncMoodhood

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


async def main() -> None:
    async with AsyncMoodhood() as mh:
        space = await mh.spaces.create(name="Classes")
        rooms = await asyncio.gather(
            *(mh.rooms.create(space.id, name=f"{day} class", type="webinar") for day in DAYS)
        )
        print(f"created {len(rooms)} rooms: {', '.join(sorted(str(room.name) for room in rooms))}")
        listed = await mh.rooms.list(space.id)
        aliases = {room.alias for room in listed.items}
        print(f"listed {len(listed.items)} rooms with {len(aliases)} distinct aliases")


if __name__ == "__main__":
    asyncio.run(main())
