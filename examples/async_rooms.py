"""The async client: rooms for a week of classes created concurrently, then listed.

    MOODHOOD_BASE_URL=... MOODHOOD_TOKEN=<personal token> python examples/async_rooms.py

(or the client-credentials + username/password variables). Many concurrent calls share one token
request: ``AsyncMoodhood`` fetches and renews tokens once for all of them.
"""

from __future__ import annotations

import asyncio

from moodhood_api.api.space_rooms import create_room, list_rooms
from moodhood_api.api.spaces import create_space
from moodhood_api.models import RoomCreate, RoomType, SpaceCreate

from moodhood import AsyncMoodhood

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


async def main() -> None:
    async with AsyncMoodhood() as mh:
        space = await mh.call(create_space.asyncio_detailed, body=SpaceCreate(name="Classes"))
        rooms = await asyncio.gather(
            *(
                mh.call(
                    create_room.asyncio_detailed,
                    space.id,
                    body=RoomCreate(name=f"{day} class", type_=RoomType.WEBINAR),
                )
                for day in DAYS
            )
        )
        print(f"created {len(rooms)} rooms: {', '.join(sorted(str(room.name) for room in rooms))}")
        listed = await mh.call(list_rooms.asyncio_detailed, space.id)
        aliases = {room.alias for room in listed.items}
        print(f"listed {len(listed.items)} rooms with {len(aliases)} distinct aliases")


if __name__ == "__main__":
    asyncio.run(main())
