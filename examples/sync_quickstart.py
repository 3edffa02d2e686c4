"""The whole flow with the sync client: a space, a room, a personal link and its iframe, then clean up.

    MOODHOOD_BASE_URL=... MOODHOOD_CLIENT_ID=... MOODHOOD_CLIENT_SECRET=... \\
    MOODHOOD_USERNAME=you@example.com MOODHOOD_PASSWORD=... python examples/sync_quickstart.py

(``moodhood sandbox`` prints the values for a local sandbox.) Prints one line per step.
"""

from __future__ import annotations

from moodhood import Moodhood, NotFoundError
from moodhood.embed import iframe_html, link_from_url


def main() -> None:
    with Moodhood() as mh:  # MOODHOOD_* from the environment; tokens fetched and renewed as needed
        space = mh.spaces.create(name="Example space")
        print(f"space {space.id}")

        room = mh.rooms.create(space.id, name="Standup", type="lesson")
        print(f"room {room.id} alias {room.alias}")

        rooms = mh.rooms.list(space.id)
        print(f"rooms in the space: {len(rooms.items)}")

        access = mh.rooms.generate_access(space.id, room.id, username="Ann", role="user")
        link = link_from_url(access.url)
        print(f"link for Ann: {link}")  # str() masks the token; link.url is the real one
        print(f"iframe: {len(iframe_html(link))} characters of HTML")

        mh.rooms.delete(space.id, room.id)
        try:
            mh.rooms.get(space.id, room.id)
        except NotFoundError as error:
            print(f"deleted: {error.status_code}")


if __name__ == "__main__":
    main()
