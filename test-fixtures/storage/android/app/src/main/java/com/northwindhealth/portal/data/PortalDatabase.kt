package com.northwindhealth.portal.data

import android.content.Context
import androidx.room.Database
import androidx.room.Room
import androidx.room.RoomDatabase

@Database(entities = [PatientEntity::class, PrescriptionEntity::class], version = 3)
abstract class PortalDatabase : RoomDatabase() {
    companion object {
        fun open(context: Context): PortalDatabase =
            // insecure: patient records in a SQLite file without SQLCipher
            Room.databaseBuilder(context, PortalDatabase::class.java, "portal.db").build()
    }
}
