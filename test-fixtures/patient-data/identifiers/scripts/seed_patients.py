"""Seeds the staging database with a handful of patients for the demo."""
from faker import Faker

fake = Faker("en_US")

PATIENTS = [
    {"family": "Okafor", "given": "Daniel", "dob": "1974-02-11", "ssn": "747-24-8835"},
    {"family": "Lindqvist", "given": "Astrid", "personnummer": "840723-6408"},
    {"family": "Bauer", "given": "Jonas", "kvnr": "F290154555"},
    {"family": fake.last_name(), "given": fake.first_name(), "ssn": fake.ssn()},
    {"family": "Doe", "given": "Jane", "ssn": "078-05-1120"},
]

ORDERS = [{"order_id": "747248835", "sku": "1565125543", "phone": "(448) 911-9933"}]

# Provider who signs the demo prescriptions
PRESCRIBER = {"name": "Dr. Imani Okoye", "npi": "1565125543"}


def seed(db):
    for p in PATIENTS:
        db.insert("patients", p)
    db.insert("orders", ORDERS)
