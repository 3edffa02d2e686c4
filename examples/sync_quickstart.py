"""The whole flow with the sync client: a space, a room, a guest link and its iframe, then clean up.

    MOODHOOD_BASE_URL=... MOODHOOD_CLIENT_ID=... MOODHOOD_CLIENT_SECRET=... \\
    MOODHOOD_USERNAME=you@example.com MOODHOOD_PASSWORD=... python examples/sync_quickstart.py

(``moodhood sandbox`` prints the values for a local sandbox.) Prints one line per step.
"""

from __future__ import annotations

from moodhood_api.api.room_generate_access import room_generate_access
from moodhood_api.api.space_rooms import create_room, delete_room, get_room, list_rooms
from moodhood_api.api.spaces import create_space
from moodhood_api.models import GenerateAccessRequest, GenerateAccessRole, RoomCreate, RoomType, SpaceCreate

from moodhood import Moodhood, NotFoundError
from moodhood.embed import iframe_html, link_from_url


def main() -> None:
    with Moodhood() as mh:  # MOODHOOD_* from the environment; tokens fetched and renewed as needed
        space = mh.call(create_space.sync_detailed, body=SpaceCreate(name="Example space"))
        print(f"space {space.id}")

        room = mh.call(
            create_room.sync_detailed, space.id, body=RoomCreate(name="Standup", type_=RoomType.LESSON)
        )
        print(f"room {room.id} alias {room.alias}")

        rooms = mh.call(list_rooms.sync_detailed, space.id)
        print(f"rooms in the space: {len(rooms.items)}")

        access = mh.call(
            room_generate_access.sync_detailed,
            space.id,
            room.id,
            body=GenerateAccessRequest(username="Ann", role=GenerateAccessRole.USER),
        )
        link = link_from_url(access.url)
        print(f"link for Ann: {link}")  # str() masks the token; link.url is the real one
        print(f"iframe: {len(iframe_html(link))} characters of HTML")

        mh.call(delete_room.sync_detailed, space.id, room.id)
        try:
            mh.call(get_room.sync_detailed, space.id, room.id)
        except NotFoundError as error:
            print(f"deleted: {error.status_code}")


if __name__ == "__main__":
    main()
