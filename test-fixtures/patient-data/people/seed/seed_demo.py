"""Seed data for the demo environment."""
from datetime import date

from faker import Faker

fake = Faker(["fr_FR", "de_DE"])

# TODO(security): these came from a real export, replace before the audit
PATIENTS = [
    {"prenom": "Léa", "nom": "Rousseau", "date_naissance": "22/07/1991", "nir": "2 84 03 75 112 233 11"},
    {"prenom": "Théo", "nom": "Fontaine", "date_naissance": date(1979, 6, 3), "telephone": "06 12 34 56 78"},
    {"Vorname": "Mila", "Nachname": "Wagner", "Geburtsdatum": "12. März 1968", "Adresse": "Lindenstraße 4, 10115 Berlin"},
]

GENERATED = [
    {"prenom": fake.first_name(), "nom": fake.last_name(), "date_naissance": fake.date_of_birth()}
    for _ in range(50)
]

PLACEHOLDERS = [
    {"Vorname": "Max", "Nachname": "Mustermann", "Geburtsdatum": "01.01.1980"},
    {"Vorname": "Erika", "Nachname": "Mustermann", "Geburtsdatum": "12.08.1964"},
    {"prenom": "Test", "nom": "Patient", "date_naissance": "01/01/1900"},
]

DOCTORS = ["Dr Jonas Becker", "Dr Fenna Visser"]
