"""Self-service intake: patients fill in their history before the first appointment."""

import logging

from flask import Blueprint, jsonify, request

from portal.records.service import save_intake

log = logging.getLogger("portal.intake")
bp = Blueprint("intake", __name__)


@bp.route("/api/patients/<int:patient_id>/intake", methods=["POST"])
def submit_intake(patient_id: int):
    form = request.get_json(silent=True)
    if not form:
        log.warning("empty intake for patient %s", patient_id)
        return jsonify(error="empty"), 400
    log.debug("intake received for %s: %s", patient_id, form)
    save_intake(patient_id, form)
    log.info("intake saved for patient %s (%d answers)", patient_id, len(form))
    return jsonify(ok=True)


@bp.route("/api/feedback", methods=["POST"])
def feedback():
    log.info("feedback: %s", request.json)
    return jsonify(ok=True)
