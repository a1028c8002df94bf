package org.gridcc.grid.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Invented Chinese place and person names from fixed lists, so that a seed always gives the same names. */
public final class ChineseNames {

    /** Marks an invented proper name, so that nobody takes a demo place for a real one. */
    public static final String DEMO_MARK = "（演示）";

    private static final String PLACE_FIRST = "青石龙白金马凤黄红大小新高长安平双三东西南北上下中老松柏桃李杨柳梅竹云朝鹿虎牛羊";
    private static final String PLACE_SECOND = "山桥潭鹤河溪坝坪沟岭口湾田塘寨庄铺营屯店集堡坡洼滩泉井林园冲箐哨关水门湖圩";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅海波晓春文斌宇浩鹏俊凯丹玲琴云飞";
    private static final String NUMERALS = "一二三四五六七八九";

    private ChineseNames() {
    }

    /** Two-character place names, none given twice within one scope (a county, a township). */
    static final class PlaceNames {
        private final Random random;
        private final Set<String> given = new HashSet<>();

        PlaceNames(Random random) {
            this.random = random;
        }

        String next() {
            if (given.size() == PLACE_FIRST.length() * PLACE_SECOND.length()) {
                throw new IllegalStateException("Out of invented place names: " + given.size() + " used");
            }
            while (true) {
                String name = "" + pick(PLACE_FIRST, random) + pick(PLACE_SECOND, random);
                if (given.add(name)) {
                    return name;
                }
            }
        }
    }

    public static String person(Random random) {
        String given = "" + pick(GIVEN, random);
        return pick(SURNAMES, random) + (random.nextInt(3) == 0 ? given : given + pick(GIVEN, random));
    }

    /** 1 to 99 in Chinese numerals (一, 十二, 二十); larger numbers in Arabic digits. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        int tens = n / 10;
        int units = n % 10;
        String head = tens == 0 ? "" : (tens == 1 ? "" : "" + NUMERALS.charAt(tens - 1)) + "十";
        return head + (units == 0 ? "" : "" + NUMERALS.charAt(units - 1));
    }

    private static char pick(String characters, Random random) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
