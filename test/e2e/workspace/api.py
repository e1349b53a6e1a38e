import requests

r = requests.get("http://api.stmarys-clinic.org/fhir/Patient")
