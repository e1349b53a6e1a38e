"""Patient portal (Flask)."""
import os

from flask import Flask, make_response, session

app = Flask("patient_portal")
app.config.update(
    SECRET_KEY=os.environ["PORTAL_SECRET_KEY"],
    SESSION_COOKIE_HTTPONLY=True,
    # insecure: the remember-me cookie is sent over plain HTTP
    REMEMBER_COOKIE_SECURE=False,
)
app.config["SESSION_COOKIE_SECURE"] = os.environ.get("PORTAL_ENV") != "development"


@app.route("/patients/<patient_id>")
def show(patient_id):
    session["patient_id"] = patient_id
    response = make_response("ok")
    response.set_cookie("last_patient", patient_id, secure=True, httponly=True, samesite="Strict")
    return response
