from django.db import migrations


def load_pilot_patients(apps, schema_editor):
    Patient = apps.get_model("records", "Patient")
    # Pilot ward patients, kept so that the reporting dashboards have data on new installs.
    Patient.objects.create(
        nhs_number="628 194 8211",
        given_name="Eleanor",
        family_name="Pritchard",
        birth_date="1949-02-11",
        postcode="LS6 2QT",
    )
    Patient.objects.create(
        nhs_number="999 000 0018",
        given_name="Test",
        family_name="Patient",
        birth_date="1980-01-01",
    )


class Migration(migrations.Migration):
    dependencies = [("records", "0006_encounter_discharge")]
    operations = [migrations.RunPython(load_pilot_patients, migrations.RunPython.noop)]
