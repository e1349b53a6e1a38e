package com.lakeshore.mycare.data.local

import android.content.ContentValues
import android.content.Context
import android.database.sqlite.SQLiteDatabase
import android.database.sqlite.SQLiteOpenHelper

/** Vitals captured by home-care nurses while offline, synced when the tablet is back on the network. */
class OfflineVitalsDbHelper(context: Context) : SQLiteOpenHelper(context, "offline_vitals.db", null, 3) {

    override fun onCreate(db: SQLiteDatabase) {
        db.execSQL(
            """
            CREATE TABLE vitals (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                patient_mrn TEXT NOT NULL,
                heart_rate INTEGER,
                blood_pressure TEXT,
                spo2 INTEGER,
                recorded_at INTEGER NOT NULL,
                synced INTEGER NOT NULL DEFAULT 0
            )
            """.trimIndent()
        )
    }

    override fun onUpgrade(db: SQLiteDatabase, oldVersion: Int, newVersion: Int) {
        db.execSQL("DROP TABLE IF EXISTS vitals")
        onCreate(db)
    }

    fun insert(mrn: String, heartRate: Int, bloodPressure: String, spo2: Int) {
        writableDatabase.insert("vitals", null, ContentValues().apply {
            put("patient_mrn", mrn)
            put("heart_rate", heartRate)
            put("blood_pressure", bloodPressure)
            put("spo2", spo2)
            put("recorded_at", System.currentTimeMillis())
        })
    }
}
