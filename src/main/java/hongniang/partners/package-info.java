/** Partner units (用工单位) and their labour-information agreements (用工信息协议). */
package hongniang.partners;
