package com.lakeshore.mycare.data.local

import android.content.Context
import androidx.room.Database
import androidx.room.Room
import androidx.room.RoomDatabase

/** Remote-config flags cached on the device; nothing about the user. */
@Database(entities = [FlagEntity::class], version = 1)
abstract class FeatureFlagsDatabase : RoomDatabase() {
    abstract fun flags(): FlagDao

    companion object {
        fun create(context: Context): FeatureFlagsDatabase =
            Room.databaseBuilder(context, FeatureFlagsDatabase::class.java, "flags.db").build()
    }
}
