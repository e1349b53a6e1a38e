package com.lakeshore.mycare.data.local

import android.content.Context
import androidx.room.Database
import androidx.room.Room
import androidx.room.RoomDatabase
import androidx.room.TypeConverters

@Database(
    entities = [PatientEntity::class, DiagnosisEntity::class, MedicationEntity::class, AppointmentEntity::class],
    version = 7,
    exportSchema = true,
)
@TypeConverters(Converters::class)
abstract class MyCareDatabase : RoomDatabase() {
    abstract fun patientDao(): PatientDao
    abstract fun diagnosisDao(): DiagnosisDao
    abstract fun appointmentDao(): AppointmentDao

    companion object {
        @Volatile
        private var instance: MyCareDatabase? = null

        fun get(context: Context): MyCareDatabase =
            instance ?: synchronized(this) {
                instance ?: Room.databaseBuilder(context.applicationContext, MyCareDatabase::class.java, "mycare.db")
                    .fallbackToDestructiveMigration()
                    .build()
                    .also { instance = it }
            }
    }
}
