"""Cardholders: unique names with unique card numbers, shared across a sample set."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from processing.samples.data import FIRST_NAMES, LAST_NAMES


@dataclass(frozen=True, slots=True)
class Person:
    """A cardholder as the statement prints them."""

    name: str
    card_last4: str
    # Receipts print names surname-first, and surnames may contain spaces ("DE LA CRUZ").
    given: str = field(default="", compare=False)
    surname: str = field(default="", compare=False)


@dataclass
class CardholderPool:
    """Hands out cardholders, reusing earlier ones so a person recurs across statements."""

    rng: random.Random
    people: list[Person] = field(default_factory=list)
    _names: set[str] = field(default_factory=set)
    _last4s: set[str] = field(default_factory=set)

    def new_person(self) -> Person:
        """Return a cardholder whose name and card number no earlier one has."""
        while True:
            middle = f" {self.rng.choice('ABCDEFGHJKLMNPRSTW')}" if self.rng.random() < 0.6 else ""
            given, surname = f"{self.rng.choice(FIRST_NAMES)}{middle}", self.rng.choice(LAST_NAMES)
            name = f"{given} {surname}"
            if name not in self._names:
                break
        while True:
            last4 = f"{self.rng.randrange(10_000):04d}"
            # Beyond ~9,000 cards the 4-digit space runs out; (name, last4) stays unique anyway.
            if last4 not in self._last4s or len(self._last4s) > 9_000:
                break
        person = Person(name=name, card_last4=last4, given=given, surname=surname)
        self._names.add(name)
        self._last4s.add(last4)
        self.people.append(person)
        return person

    def for_statement(self) -> Iterator[Person]:
        """Yield distinct cardholders for one statement, often people from earlier ones."""
        earlier = list(self.people)
        self.rng.shuffle(earlier)
        while True:
            yield earlier.pop() if earlier and self.rng.random() < 0.6 else self.new_person()
