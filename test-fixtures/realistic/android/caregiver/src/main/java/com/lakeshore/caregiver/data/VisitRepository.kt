package com.lakeshore.caregiver.data

import android.util.Log

class VisitRepository(private val db: VisitDatabase) {

    suspend fun saveNote(note: PatientNoteEntity) {
        db.notes().insert(note)
        Log.d("VisitRepository", "saved note ${note.id} for visit ${note.visitId}")
    }

    suspend fun complete(visit: VisitEntity) {
        db.visits().update(visit.copy(completed = true))
        Log.i("VisitRepository", "visit completed: $visit")
    }
}
